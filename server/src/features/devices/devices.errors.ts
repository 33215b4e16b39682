import { HttpError } from '../../http/errors.ts';

/** Shown on the kiosk as is: it tells staff what to do. */
export const NOT_ENROLLED_MESSAGE =
  'Thiết bị chưa được đăng ký hoặc đã bị thu hồi / This device is not enrolled or has been revoked';

/** No credential, or one that is unknown or revoked: the kiosk keeps its queue and asks to be enrolled. */
export class DeviceUnauthorizedError extends HttpError {
  constructor(message = NOT_ENROLLED_MESSAGE) {
    super(401, message);
  }
}

/** An enrolment code that is unknown, already used, expired, or whose device was revoked: all look alike. */
export class EnrolmentCodeRefusedError extends HttpError {
  constructor() {
    super(400, 'Mã đăng ký không hợp lệ hoặc đã hết hạn / The enrolment code is not valid or has expired', [
      { path: 'code', message: 'unknown, used or expired' },
    ]);
  }
}

/** The device's unit ceased (a merger): its responses cannot be stamped with it; enrol the device again. */
export class DeviceUnitGoneError extends HttpError {
  constructor(unitCode: string) {
    super(
      410,
      `Đơn vị ${unitCode} của thiết bị không còn hiệu lực, cần đăng ký lại thiết bị / The device's unit ${unitCode} no longer exists; enrol the device again`,
    );
  }
}
