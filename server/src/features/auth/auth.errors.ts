import { HttpError } from '../../http/errors.ts';

export class NotSignedInError extends HttpError {
  constructor() {
    super(401, 'Chưa đăng nhập hoặc phiên đã hết hạn / Not signed in, or the session has ended');
  }
}

/** One answer for an unknown login, a wrong password and a disabled account, so none can be told apart. */
export class SignInRefusedError extends HttpError {
  constructor() {
    super(401, 'Tên đăng nhập hoặc mật khẩu không đúng / Wrong login name or password');
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Không có quyền truy cập / Not allowed for your account') {
    super(403, message);
  }
}

export class CsrfError extends HttpError {
  constructor() {
    super(403, 'Thiếu hoặc sai mã chống giả mạo (x-csrf-token) / Missing or wrong CSRF token (x-csrf-token)');
  }
}

export class SignInThrottledError extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      `Quá nhiều lần đăng nhập sai, vui lòng thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút / Too many failed sign-ins; try again in ${retryAfterSeconds} s`,
    );
  }
}
