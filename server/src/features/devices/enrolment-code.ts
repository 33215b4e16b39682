// Pure: the one-time enrolment code a kiosk is set up with. Typed by hand on a tablet or opened from a
// link, so it uses Crockford's base 32 (no I, L, O, U) and forgives case, spaces, dashes and look-alikes.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 symbols of 5 bits: 60 random bits, ample for a code that lives minutes and works once. */
export const ENROLMENT_CODE_LENGTH = 12;

/** A new code from 12 random bytes (one symbol per byte, low 5 bits: uniform over the 32 symbols). */
export function enrolmentCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < ENROLMENT_CODE_LENGTH) throw new Error(`need ${ENROLMENT_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) code += ALPHABET[bytes[i]! & 31];
  return code;
}

/** `ABCD-EFGH-JKMN`: how the code is printed. */
export function formatEnrolmentCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * The canonical form of a code as typed, or undefined when it cannot be one: upper case, without spaces
 * and dashes, with I and L read as 1 and O as 0 (Crockford's decoding rules).
 */
export function normalizeEnrolmentCode(typed: string): string | undefined {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (code.length !== ENROLMENT_CODE_LENGTH) return undefined;
  for (const symbol of code) if (!ALPHABET.includes(symbol)) return undefined;
  return code;
}
