import type { Dictionary } from '../lib/i18n.ts';

/** Strings of the staff pages. What is printed for citizens is in both languages at once (see the pages). */
export const printStrings: Dictionary<
  | 'sheetDocTitle'
  | 'sheetTitle'
  | 'sheetLead'
  | 'apiKey'
  | 'apiKeyHint'
  | 'refs'
  | 'refsHint'
  | 'procedure'
  | 'procedureHint'
  | 'channel'
  | 'channelCounter'
  | 'channelOnline'
  | 'channelPost'
  | 'create'
  | 'creating'
  | 'problems'
  | 'noKey'
  | 'noRefs'
  | 'lineTooLong'
  | 'lineControl'
  | 'unknownProcedure'
  | 'unauthorized'
  | 'rejected'
  | 'serverError'
  | 'duplicates'
  | 'sheetReady'
  | 'sheetHint'
  | 'printSheet'
  | 'printPoster'
  | 'qrAlt'
  | 'posterDocTitle'
  | 'posterHint'
  | 'posterQrAlt'
  | 'unitNotFound'
  | 'unitNotFoundText'
> = {
  vi: {
    sheetDocTitle: 'In mã QR cho giấy tiếp nhận hồ sơ',
    sheetTitle: 'In mã QR khảo sát cho hồ sơ',
    sheetLead:
      'Dành cho cán bộ bộ phận một cửa. Mỗi hồ sơ nhận một mã QR chỉ dùng được một lần; người dân quét mã trên giấy tiếp nhận để đánh giá sự hài lòng.',
    apiKey: 'Khóa API của đơn vị',
    apiKeyHint: 'Do quản trị viên cấp. Khóa chỉ nằm trong trang này và mất đi khi đóng hoặc tải lại trang.',
    refs: 'Mã hồ sơ, mỗi dòng một mã',
    refsHint: 'Ví dụ: 000.00.92.H11-250715-0001. Dòng trống và mã trùng được bỏ qua.',
    procedure: 'Mã thủ tục hành chính (không bắt buộc)',
    procedureHint: 'Ví dụ: 1.001193 (đăng ký khai sinh). Để trống nếu các hồ sơ thuộc nhiều thủ tục.',
    channel: 'Hình thức nộp hồ sơ',
    channelCounter: 'Tại bộ phận một cửa',
    channelOnline: 'Trực tuyến',
    channelPost: 'Qua bưu chính',
    create: 'Tạo mã QR',
    creating: 'Đang tạo mã QR…',
    problems: 'Chưa tạo được mã QR:',
    noKey: 'Vui lòng nhập khóa API của đơn vị.',
    noRefs: 'Vui lòng nhập ít nhất một mã hồ sơ.',
    lineTooLong: 'Dòng {line}: mã hồ sơ dài quá {max} ký tự.',
    lineControl: 'Dòng {line}: có ký tự tab hoặc ký tự điều khiển (chỉ dán một cột mã hồ sơ).',
    unknownProcedure: 'Không tìm thấy thủ tục có mã “{code}” trong danh mục.',
    unauthorized: 'Khóa API không hợp lệ hoặc đã bị thu hồi.',
    rejected: 'Máy chủ không nhận yêu cầu:',
    serverError: 'Hệ thống đang bận, chưa tạo được mã. Vui lòng thử lại sau ít phút.',
    duplicates: 'Đã bỏ qua {count} mã hồ sơ trùng.',
    sheetReady: '{count} mã QR – {unit}',
    sheetHint: 'Khổ A4, 12 mã mỗi trang. Cắt theo đường viền và dán lên giấy tiếp nhận của từng hồ sơ.',
    printSheet: 'In tờ mã QR',
    printPoster: 'In áp phích',
    qrAlt: 'Mã QR khảo sát của hồ sơ {ref}',
    posterDocTitle: 'Mã QR khảo sát tại quầy – {unit}',
    posterHint: 'Áp phích khổ A4 để đặt tại quầy tiếp nhận. Mã QR này dùng lâu dài, cho người dân không có giấy tiếp nhận.',
    posterQrAlt: 'Mã QR mở phiếu khảo sát sự hài lòng của {unit}',
    unitNotFound: 'Không tìm thấy đơn vị',
    unitNotFoundText: 'Không có đơn vị nào có mã “{code}”.',
  },
  en: {
    sheetDocTitle: 'Print QR codes for dossier receipts',
    sheetTitle: 'Print survey QR codes for dossiers',
    sheetLead:
      'For one-stop staff. Each dossier gets a single-use QR code; citizens scan it on their receipt to say how satisfied they are.',
    apiKey: 'The unit’s API key',
    apiKeyHint: 'Issued by the administrator. The key stays in this page only and is forgotten when the page is closed or reloaded.',
    refs: 'Dossier references, one per line',
    refsHint: 'For example 000.00.92.H11-250715-0001. Blank lines and repeated references are skipped.',
    procedure: 'Procedure code (optional)',
    procedureHint: 'For example 1.001193 (birth registration). Leave it empty when the dossiers are for different procedures.',
    channel: 'How the dossiers were filed',
    channelCounter: 'At the one-stop counter',
    channelOnline: 'Online',
    channelPost: 'By post',
    create: 'Create QR codes',
    creating: 'Creating QR codes…',
    problems: 'The QR codes were not created:',
    noKey: 'Please enter the unit’s API key.',
    noRefs: 'Please enter at least one dossier reference.',
    lineTooLong: 'Line {line}: the reference is longer than {max} characters.',
    lineControl: 'Line {line}: it holds a tab or a control character (paste one column of references only).',
    unknownProcedure: 'There is no procedure with code “{code}” in the catalogue.',
    unauthorized: 'The API key is not valid or has been revoked.',
    rejected: 'The server refused the request:',
    serverError: 'The system is busy and the codes were not created. Please try again in a few minutes.',
    duplicates: '{count} repeated reference(s) skipped.',
    sheetReady: '{count} QR codes – {unit}',
    sheetHint: 'A4, 12 codes per page. Cut along the borders and stick each on its dossier’s receipt.',
    printSheet: 'Print the sheet',
    printPoster: 'Print the poster',
    qrAlt: 'Survey QR code of dossier {ref}',
    posterDocTitle: 'Counter survey QR code – {unit}',
    posterHint: 'An A4 poster for the reception counter. This QR code lasts, for citizens who have no receipt.',
    posterQrAlt: 'QR code opening the satisfaction survey of {unit}',
    unitNotFound: 'Unit not found',
    unitNotFoundText: 'There is no unit with code “{code}”.',
  },
};
