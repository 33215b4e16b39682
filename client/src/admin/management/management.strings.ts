import type { Dictionary } from '../../lib/i18n.ts';

/** The management pages: kiosk devices, receipt-token keys, CSV imports. */
export const managementStrings: Dictionary<
  | 'navKiosks'
  | 'navTokenKeys'
  | 'navImports'
  | 'unitLabel'
  | 'unitHint'
  | 'unitShow'
  | 'unitChoose'
  | 'unitScope'
  | 'unitSuggestions'
  | 'working'
  | 'requestFailed'
  | 'forbidden'
  | 'signedOut'
  | 'never'
  | 'kiosksTitle'
  | 'kiosksIntro'
  | 'kiosksCaption'
  | 'colDevice'
  | 'colUnit'
  | 'colEnrolled'
  | 'colLastContact'
  | 'colQueue'
  | 'colStatus'
  | 'colActions'
  | 'queueFailed'
  | 'noKiosks'
  | 'statusAwaiting'
  | 'statusExpired'
  | 'statusNeverSeen'
  | 'statusOk'
  | 'statusLate'
  | 'statusSilent'
  | 'statusRevoked'
  | 'revokedOn'
  | 'revoke'
  | 'revokeKioskLabel'
  | 'confirmRevokeKiosk'
  | 'kioskRevoked'
  | 'newCode'
  | 'newCodeLabel'
  | 'enrolTitle'
  | 'kioskName'
  | 'kioskNameHint'
  | 'idleSeconds'
  | 'idleSecondsHint'
  | 'enrol'
  | 'issuedTitle'
  | 'issuedFor'
  | 'issuedCode'
  | 'issuedLink'
  | 'issuedUntil'
  | 'issuedSteps'
  | 'issuedStep1'
  | 'issuedStep2'
  | 'issuedStep3'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'keysTitle'
  | 'keysIntro'
  | 'keysCaption'
  | 'colKeyId'
  | 'colLabel'
  | 'colCreated'
  | 'colRevoked'
  | 'inUse'
  | 'noKeys'
  | 'lastUsedUnknown'
  | 'revokeKeyLabel'
  | 'confirmRevokeKey'
  | 'keyRevoked'
  | 'createKeyTitle'
  | 'keyLabel'
  | 'keyLabelHint'
  | 'createKey'
  | 'createdTitle'
  | 'createdWarning'
  | 'createdKeyId'
  | 'createdApiKey'
  | 'createdApiKeyHint'
  | 'createdSecret'
  | 'createdSecretHint'
  | 'createdDone'
  | 'importsTitle'
  | 'importsIntro'
  | 'importKind'
  | 'kindUnits'
  | 'kindProcedures'
  | 'importFile'
  | 'importFileHint'
  | 'importText'
  | 'importTextHint'
  | 'dryRun'
  | 'commit'
  | 'commitNeedsDryRun'
  | 'reportTitleDry'
  | 'reportTitleDone'
  | 'reportRows'
  | 'reportWould'
  | 'reportDid'
  | 'reportNothing'
  | 'reportErrors'
  | 'errorsCaption'
  | 'colLine'
  | 'colColumn'
  | 'colReason'
  | 'wholeLine'
  | 'fileTooLarge'
  | 'emptyFile'
> = {
  vi: {
    navKiosks: 'Thiết bị kiosk',
    navTokenKeys: 'Khóa mã biên nhận',
    navImports: 'Nhập đơn vị, thủ tục',
    unitLabel: 'Mã đơn vị',
    unitHint: 'Danh sách gồm đơn vị này và mọi đơn vị trực thuộc. Ví dụ: 92 (Cần Thơ), 31120 (Phường Cái Khế).',
    unitShow: 'Xem',
    unitChoose: 'Nhập mã đơn vị để xem danh sách.',
    unitScope: 'Đơn vị: {name} ({code}) và các đơn vị trực thuộc',
    unitSuggestions: 'Gợi ý đơn vị',
    working: 'Đang xử lý…',
    requestFailed: 'Không thực hiện được: {message}',
    forbidden: 'Tài khoản của bạn không có quyền với đơn vị này.',
    signedOut: 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.',
    never: 'Chưa có',
    kiosksTitle: 'Thiết bị kiosk',
    kiosksIntro: 'Máy tính bảng đặt tại bộ phận một cửa để người dân đánh giá. Đăng ký thiết bị, theo dõi lần liên lạc gần nhất và số phiếu đang chờ gửi, thu hồi thiết bị không còn dùng.',
    kiosksCaption: 'Thiết bị kiosk ({count})',
    colDevice: 'Thiết bị',
    colUnit: 'Đơn vị',
    colEnrolled: 'Đăng ký lúc',
    colLastContact: 'Liên lạc gần nhất',
    colQueue: 'Phiếu chờ gửi',
    colStatus: 'Trạng thái',
    colActions: 'Thao tác',
    queueFailed: '{n} bị từ chối',
    noKiosks: 'Chưa có thiết bị nào.',
    statusAwaiting: 'Chờ nhập mã',
    statusExpired: 'Mã đã hết hạn',
    statusNeverSeen: 'Chưa liên lạc',
    statusOk: 'Hoạt động',
    statusLate: 'Chậm liên lạc',
    statusSilent: 'Mất liên lạc',
    statusRevoked: 'Đã thu hồi',
    revokedOn: 'Thu hồi lúc {time}',
    revoke: 'Thu hồi',
    revokeKioskLabel: 'Thu hồi thiết bị {name}',
    confirmRevokeKiosk: 'Thu hồi thiết bị “{name}”? Thiết bị sẽ không gửi được phiếu nữa; muốn dùng lại phải đăng ký mới.',
    kioskRevoked: 'Đã thu hồi thiết bị “{name}”.',
    newCode: 'Cấp mã mới',
    newCodeLabel: 'Cấp mã mới cho thiết bị {name}',
    enrolTitle: 'Đăng ký thiết bị mới',
    kioskName: 'Tên thiết bị',
    kioskNameHint: 'Tên quầy hoặc vị trí, ví dụ “Quầy 1”.',
    idleSeconds: 'Thời gian chờ (giây)',
    idleSecondsHint: 'Không ai chạm màn hình trong thời gian này thì quay về màn hình chào (3–3600, mặc định 60).',
    enrol: 'Đăng ký thiết bị',
    issuedTitle: 'Mã đăng ký cho “{name}”',
    issuedFor: 'Đơn vị {unit}, phiếu {survey}.',
    issuedCode: 'Mã đăng ký',
    issuedLink: 'Đường dẫn mở trên thiết bị',
    issuedUntil: 'Dùng được một lần, đến {time}.',
    issuedSteps: 'Cách đăng ký trên máy tính bảng',
    issuedStep1: 'Trên máy tính bảng, mở trình duyệt và vào đường dẫn trên (hoặc mở /kiosk rồi nhập mã).',
    issuedStep2: 'Thiết bị đổi mã lấy khóa riêng của nó; mã không dùng lại được.',
    issuedStep3: 'Màn hình chào hiện tên đơn vị là xong. Thiết bị báo tình trạng mỗi phút.',
    copy: 'Sao chép {what}',
    copied: 'Đã sao chép {what}.',
    copyFailed: 'Không sao chép được; hãy chọn và sao chép thủ công.',
    keysTitle: 'Khóa mã biên nhận',
    keysIntro: 'Hệ thống một cửa dùng khóa này để tạo mã QR trên giấy biên nhận, mỗi hồ sơ đánh giá một lần. Thu hồi khóa thì mọi mã đã in bằng khóa đó không dùng được nữa.',
    keysCaption: 'Khóa mã biên nhận ({count})',
    colKeyId: 'Mã khóa',
    colLabel: 'Hệ thống sử dụng',
    colCreated: 'Tạo lúc',
    colRevoked: 'Thu hồi lúc',
    inUse: 'Đang dùng',
    noKeys: 'Chưa có khóa nào.',
    lastUsedUnknown: 'Máy chủ không ghi lần dùng gần nhất của khóa.',
    revokeKeyLabel: 'Thu hồi khóa {keyId}',
    confirmRevokeKey: 'Thu hồi khóa {keyId}? Mọi mã QR đã in bằng khóa này sẽ bị từ chối.',
    keyRevoked: 'Đã thu hồi khóa {keyId}.',
    createKeyTitle: 'Tạo khóa mới',
    keyLabel: 'Hệ thống sử dụng (không bắt buộc)',
    keyLabelHint: 'Ví dụ “iGate Cần Thơ”, để biết khóa nào đưa cho ai.',
    createKey: 'Tạo khóa',
    createdTitle: 'Khóa {keyId} đã được tạo',
    createdWarning: 'Chỉ hiện một lần: hãy sao chép và giao cho hệ thống một cửa ngay. Rời trang này thì không xem lại được; nếu mất, hãy thu hồi và tạo khóa mới.',
    createdKeyId: 'Mã khóa',
    createdApiKey: 'Khóa API',
    createdApiKeyHint: 'Gửi kèm khi gọi POST /api/tokens: Authorization: Bearer <khóa API>.',
    createdSecret: 'Khóa bí mật',
    createdSecretHint: 'Chỉ cần khi hệ thống tự tạo mã ngoại tuyến (ký HMAC).',
    createdDone: 'Tôi đã lưu, ẩn khóa',
    importsTitle: 'Nhập đơn vị và thủ tục',
    importsIntro: 'Tải lên tệp CSV (UTF-8). Luôn chạy thử trước: máy chủ liệt kê mọi dòng lỗi và những gì sẽ thay đổi, không lưu gì. Chỉ khi không có lỗi mới nhập được; nhập lại cùng tệp không thay đổi gì.',
    importKind: 'Loại dữ liệu',
    kindUnits: 'Đơn vị',
    kindProcedures: 'Thủ tục hành chính',
    importFile: 'Tệp CSV',
    importFileHint: 'Tối đa 5 MB. Cột theo hướng dẫn trong README (“Unit registry and procedure catalogue”).',
    importText: 'Hoặc dán nội dung CSV',
    importTextHint: 'Nội dung tệp đã chọn hiện ở đây; có thể sửa trước khi chạy thử.',
    dryRun: 'Chạy thử',
    commit: 'Nhập vào hệ thống',
    commitNeedsDryRun: 'Chạy thử không lỗi rồi mới nhập được.',
    reportTitleDry: 'Kết quả chạy thử',
    reportTitleDone: 'Đã nhập',
    reportRows: '{rows} dòng dữ liệu.',
    reportWould: 'Sẽ thêm {inserted}, cập nhật {updated}, giữ nguyên {unchanged}. Chưa lưu gì.',
    reportDid: 'Đã thêm {inserted}, cập nhật {updated}, giữ nguyên {unchanged}.',
    reportNothing: 'Không có gì thay đổi.',
    reportErrors: '{count} lỗi; không lưu gì. Sửa tệp rồi chạy thử lại.',
    errorsCaption: 'Các dòng lỗi ({count})',
    colLine: 'Dòng',
    colColumn: 'Cột',
    colReason: 'Lý do',
    wholeLine: 'cả dòng',
    fileTooLarge: 'Tệp lớn hơn 5 MB.',
    emptyFile: 'Chưa có nội dung CSV.',
  },
  en: {
    navKiosks: 'Kiosk devices',
    navTokenKeys: 'Receipt-token keys',
    navImports: 'Import units, procedures',
    unitLabel: 'Unit code',
    unitHint: 'The list covers this unit and every unit under it. For example 92 (Cần Thơ), 31120 (Phường Cái Khế).',
    unitShow: 'Show',
    unitChoose: 'Enter a unit code to see its list.',
    unitScope: 'Unit: {name} ({code}) and the units under it',
    unitSuggestions: 'Suggested units',
    working: 'Working…',
    requestFailed: 'Could not do it: {message}',
    forbidden: 'Your account has no rights on this unit.',
    signedOut: 'Your session has ended. Please sign in again.',
    never: 'Never',
    kiosksTitle: 'Kiosk devices',
    kiosksIntro: 'Tablets at the one-stop counter where citizens answer the survey. Enrol a device, watch its last contact and its queued responses, revoke a device no longer in use.',
    kiosksCaption: 'Kiosk devices ({count})',
    colDevice: 'Device',
    colUnit: 'Unit',
    colEnrolled: 'Enrolled',
    colLastContact: 'Last contact',
    colQueue: 'Queued responses',
    colStatus: 'Status',
    colActions: 'Actions',
    queueFailed: '{n} refused',
    noKiosks: 'No device yet.',
    statusAwaiting: 'Awaiting code',
    statusExpired: 'Code expired',
    statusNeverSeen: 'No contact yet',
    statusOk: 'OK',
    statusLate: 'Late',
    statusSilent: 'Silent',
    statusRevoked: 'Revoked',
    revokedOn: 'Revoked {time}',
    revoke: 'Revoke',
    revokeKioskLabel: 'Revoke device {name}',
    confirmRevokeKiosk: 'Revoke the device “{name}”? It will no longer send responses; to use it again, enrol it anew.',
    kioskRevoked: 'Device “{name}” revoked.',
    newCode: 'New code',
    newCodeLabel: 'New code for device {name}',
    enrolTitle: 'Enrol a new device',
    kioskName: 'Device name',
    kioskNameHint: 'The counter or place, e.g. “Counter 1”.',
    idleSeconds: 'Idle time (seconds)',
    idleSecondsHint: 'With no touch for this long the screen returns to the welcome screen (3–3600, default 60).',
    enrol: 'Enrol device',
    issuedTitle: 'Enrolment code for “{name}”',
    issuedFor: 'Unit {unit}, survey {survey}.',
    issuedCode: 'Enrolment code',
    issuedLink: 'Link to open on the device',
    issuedUntil: 'Works once, until {time}.',
    issuedSteps: 'Enrolling the tablet',
    issuedStep1: 'On the tablet, open the browser at the link above (or open /kiosk and type the code).',
    issuedStep2: 'The device exchanges the code for its own credential; the code cannot be used again.',
    issuedStep3: 'Done when the welcome screen shows the unit. The device reports every minute.',
    copy: 'Copy {what}',
    copied: '{what} copied.',
    copyFailed: 'Could not copy; select and copy it by hand.',
    keysTitle: 'Receipt-token keys',
    keysIntro: 'The one-stop system uses these keys to print a QR code on each receipt, answerable once per dossier. Revoking a key refuses every code printed with it.',
    keysCaption: 'Receipt-token keys ({count})',
    colKeyId: 'Key id',
    colLabel: 'Used by',
    colCreated: 'Created',
    colRevoked: 'Revoked',
    inUse: 'In use',
    noKeys: 'No key yet.',
    lastUsedUnknown: 'The server does not record when a key was last used.',
    revokeKeyLabel: 'Revoke key {keyId}',
    confirmRevokeKey: 'Revoke key {keyId}? Every QR code printed with it will be refused.',
    keyRevoked: 'Key {keyId} revoked.',
    createKeyTitle: 'Create a key',
    keyLabel: 'Used by (optional)',
    keyLabelHint: 'E.g. “iGate Cần Thơ”, to know which key went where.',
    createKey: 'Create key',
    createdTitle: 'Key {keyId} created',
    createdWarning: 'Shown this once: copy it and give it to the one-stop system now. It cannot be shown again after you leave; if lost, revoke it and create another.',
    createdKeyId: 'Key id',
    createdApiKey: 'API key',
    createdApiKeyHint: 'Send it with POST /api/tokens: Authorization: Bearer <API key>.',
    createdSecret: 'Secret',
    createdSecretHint: 'Needed only if the system mints codes offline (HMAC signing).',
    createdDone: 'I have saved it, hide the key',
    importsTitle: 'Import units and procedures',
    importsIntro: 'Upload a CSV file (UTF-8). Always do a dry run first: the server lists every bad row and what would change, and stores nothing. Only a file without errors can be imported; importing the same file again changes nothing.',
    importKind: 'Data',
    kindUnits: 'Units',
    kindProcedures: 'Administrative procedures',
    importFile: 'CSV file',
    importFileHint: 'At most 5 MB. Columns as described in the README (“Unit registry and procedure catalogue”).',
    importText: 'Or paste the CSV text',
    importTextHint: 'The chosen file’s text appears here; you may correct it before the dry run.',
    dryRun: 'Dry run',
    commit: 'Import',
    commitNeedsDryRun: 'Import becomes possible after a dry run without errors.',
    reportTitleDry: 'Dry run result',
    reportTitleDone: 'Imported',
    reportRows: '{rows} data rows.',
    reportWould: 'Would insert {inserted}, update {updated}, leave {unchanged} unchanged. Nothing stored yet.',
    reportDid: 'Inserted {inserted}, updated {updated}, unchanged {unchanged}.',
    reportNothing: 'Nothing to change.',
    reportErrors: '{count} errors; nothing stored. Correct the file and run the dry run again.',
    errorsCaption: 'Rows with errors ({count})',
    colLine: 'Line',
    colColumn: 'Column',
    colReason: 'Reason',
    wholeLine: 'whole line',
    fileTooLarge: 'The file is larger than 5 MB.',
    emptyFile: 'No CSV text yet.',
  },
};
