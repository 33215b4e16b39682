import type { Dictionary } from '../lib/i18n.ts';

export const kioskStrings: Dictionary<
  | 'docTitle'
  | 'welcomeTitle'
  | 'welcomeLead'
  | 'anonymous'
  | 'start'
  | 'language'
  | 'statusLabel'
  | 'statusDevice'
  | 'statusQueued'
  | 'statusDead'
  | 'statusConnected'
  | 'statusOffline'
  | 'idleTitle'
  | 'idleText'
  | 'idleContinue'
  | 'thanksNote'
  | 'thanksReturn'
  | 'saveFailed'
  | 'retry'
  | 'starting'
  | 'startFailed'
  | 'notEnrolledTitle'
  | 'notEnrolledText'
  | 'queueKept'
  | 'codeLabel'
  | 'codeHint'
  | 'enrol'
  | 'codeRefused'
  | 'enrolFailed'
> = {
  vi: {
    docTitle: 'Máy khảo sát tại quầy',
    welcomeTitle: 'Đánh giá sự hài lòng về sự phục vụ hành chính',
    welcomeLead:
      'Ông/Bà vừa giải quyết thủ tục hành chính tại đây? Xin dành vài phút cho biết mức độ hài lòng của mình để cơ quan phục vụ tốt hơn.',
    anonymous: 'Phiếu không ghi tên, không lưu thông tin cá nhân.',
    start: 'Bắt đầu đánh giá',
    language: 'Ngôn ngữ / Language',
    statusLabel: 'Tình trạng máy',
    statusDevice: 'Thiết bị: {name}',
    statusQueued: 'Chờ gửi: {count}',
    statusDead: 'Không gửi được: {count}',
    statusConnected: 'Đã kết nối',
    statusOffline: 'Mất kết nối, phiếu được lưu trên máy',
    idleTitle: 'Ông/Bà vẫn đang làm phiếu?',
    idleText: 'Nếu không có thao tác, phiếu đang làm sẽ được xóa sau {seconds} giây để dành máy cho người tiếp theo.',
    idleContinue: 'Tôi vẫn đang làm phiếu',
    thanksNote: 'Phiếu đánh giá đã được ghi nhận.',
    thanksReturn: 'Màn hình sẽ trở về trang đầu sau ít giây.',
    saveFailed: 'Không lưu được phiếu trên máy này. Vui lòng bấm “Gửi đánh giá” lần nữa hoặc báo cán bộ.',
    retry: 'Thử lại',
    starting: 'Đang khởi động máy khảo sát…',
    startFailed: 'Chưa khởi động được máy khảo sát. Lần chạy đầu tiên cần kết nối mạng.',
    notEnrolledTitle: 'Thiết bị chưa được đăng ký / bị thu hồi',
    notEnrolledText:
      'Máy này chưa được đăng ký làm máy khảo sát tại quầy, hoặc đã bị thu hồi. Cán bộ quản trị cấp mã đăng ký cho máy (lệnh npm run kiosk:enrol), rồi mở đường dẫn kèm mã trên máy này hoặc nhập mã dưới đây.',
    queueKept: '{count} phiếu chưa gửi vẫn được giữ trên máy và sẽ được gửi sau khi đăng ký lại.',
    codeLabel: 'Mã đăng ký',
    codeHint: 'Ví dụ: ABCD-EFGH-JKMN',
    enrol: 'Đăng ký thiết bị',
    codeRefused: 'Mã đăng ký không hợp lệ hoặc đã hết hạn.',
    enrolFailed: 'Chưa đăng ký được: không kết nối được máy chủ.',
  },
  en: {
    docTitle: 'Counter survey kiosk',
    welcomeTitle: 'Rate the service you received',
    welcomeLead:
      'Did you just complete an administrative procedure here? Please take a few minutes to tell us how satisfied you are, so that we can serve you better.',
    anonymous: 'The survey is anonymous: no name, no personal details.',
    start: 'Start the survey',
    language: 'Ngôn ngữ / Language',
    statusLabel: 'Device status',
    statusDevice: 'Device: {name}',
    statusQueued: 'Waiting to send: {count}',
    statusDead: 'Could not send: {count}',
    statusConnected: 'Connected',
    statusOffline: 'Offline, responses are kept on this device',
    idleTitle: 'Are you still there?',
    idleText: 'Without any action, this response will be cleared in {seconds} seconds for the next person.',
    idleContinue: 'I am still answering',
    thanksNote: 'Your response has been recorded.',
    thanksReturn: 'The screen will return to the start in a few seconds.',
    saveFailed: 'The response could not be saved on this device. Please press “Submit” again or ask a staff member.',
    retry: 'Try again',
    starting: 'Starting the survey kiosk…',
    startFailed: 'The survey kiosk could not start. Its first start needs a network connection.',
    notEnrolledTitle: 'Device not enrolled / revoked',
    notEnrolledText:
      'This device is not enrolled as a counter survey kiosk, or it has been revoked. An administrator issues an enrolment code (npm run kiosk:enrol); open the link with the code on this device, or enter the code below.',
    queueKept: '{count} unsent responses are kept on this device and will be sent once it is enrolled again.',
    codeLabel: 'Enrolment code',
    codeHint: 'For example: ABCD-EFGH-JKMN',
    enrol: 'Enrol this device',
    codeRefused: 'The enrolment code is not valid or has expired.',
    enrolFailed: 'Not enrolled: the server could not be reached.',
  },
};
