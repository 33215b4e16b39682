import { HttpError } from '../../http/errors.ts';
import type { TokenError } from './receipt-token.ts';

/** Why a receipt token is refused: the format's own errors, plus what only the database knows. */
export type TokenRefusal = TokenError | 'revoked' | 'wrong-unit';

const REFUSALS: Record<TokenRefusal, { status: number; message: string }> = {
  malformed: { status: 400, message: 'Đường dẫn khảo sát không hợp lệ / This survey link is not valid' },
  'unknown-key': { status: 400, message: 'Đường dẫn khảo sát không hợp lệ / This survey link is not valid' },
  'bad-signature': { status: 400, message: 'Đường dẫn khảo sát không hợp lệ / This survey link is not valid' },
  'wrong-unit': { status: 400, message: 'Đường dẫn khảo sát không hợp lệ / This survey link is not valid' },
  'not-yet-valid': {
    status: 400,
    message: 'Đường dẫn khảo sát chưa có hiệu lực / This survey link is not valid yet',
  },
  expired: { status: 410, message: 'Đường dẫn khảo sát đã hết hạn / This survey link has expired' },
  revoked: {
    status: 410,
    message: 'Đường dẫn khảo sát không còn hiệu lực / This survey link has been withdrawn',
  },
};

/** A refused token: 400 (not valid), or 410 (expired, withdrawn). `issues[0].message` names the reason. */
export class TokenRefusedError extends HttpError {
  constructor(readonly reason: TokenRefusal) {
    super(REFUSALS[reason].status, REFUSALS[reason].message, [{ path: 'token', message: reason }]);
  }
}

/** The dossier already answered: the first response stays, this one is not stored. */
export class TokenSpentError extends HttpError {
  constructor() {
    super(409, 'Phiếu khảo sát này đã được sử dụng / This survey link has already been used', [
      { path: 'token', message: 'used' },
    ]);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message: string) {
    super(401, message);
  }
}
