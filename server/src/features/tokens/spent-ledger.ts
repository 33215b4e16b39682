import { createHmac } from 'node:crypto';

/**
 * The ledger key of a spent dossier: HMAC-SHA256(secret, "spent:" + dossierTag), base64url. Keyed, so the
 * ledger alone does not reveal tags; shared by every token of the dossier, so a dossier answers once.
 */
export function spentKey(secret: string, dossierTag: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`spent:${dossierTag}`, 'utf8').digest('base64url');
}

/** The Monday (YYYY-MM-DD) of the ISO week of a local date: the only time the ledger keeps. */
export function isoWeekStart(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const sinceMonday = (date.getUTCDay() + 6) % 7; // getUTCDay: Sunday 0 … Saturday 6
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}
