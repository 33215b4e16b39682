/** Errors a service throws; the error handler turns them into JSON with their status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, issues?: Array<{ path: string; message: string }>) {
    super(400, message, issues);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, message);
  }
}
