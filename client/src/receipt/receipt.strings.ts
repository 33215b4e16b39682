import type { Dictionary } from '../lib/i18n.ts';
import type { Refusal } from './receipt-refusal.ts';

type RefusalKey = `${Refusal}Title` | `${Refusal}Text`;

export const receiptStrings: Dictionary<RefusalKey | 'procedureLabel' | 'unitLabel' | 'home'> = {
  vi: {
    procedureLabel: 'Thủ tục',
    unitLabel: 'Đơn vị',
    invalidTitle: 'Đường dẫn khảo sát không hợp lệ',
    invalidText:
      'Mã QR hoặc đường dẫn này không đúng; có thể nó đã bị chép thiếu hoặc bị sửa. Vui lòng quét lại mã QR trên giấy tiếp nhận hồ sơ của bạn. Nếu vẫn không được, xin hỏi bộ phận một cửa nơi bạn nộp hồ sơ.',
    'not-yet-validTitle': 'Đường dẫn khảo sát chưa có hiệu lực',
    'not-yet-validText': 'Phiếu khảo sát của hồ sơ này chưa mở. Vui lòng quét lại mã QR sau.',
    expiredTitle: 'Đường dẫn khảo sát đã hết hạn',
    expiredText: 'Thời gian đánh giá hồ sơ này đã kết thúc nên không thể gửi phiếu nữa. Cảm ơn bạn đã quan tâm.',
    revokedTitle: 'Đường dẫn khảo sát không còn hiệu lực',
    revokedText: 'Đơn vị đã thu hồi mã QR này nên không thể gửi phiếu. Nếu cần hỗ trợ, xin hỏi bộ phận một cửa.',
    usedTitle: 'Phiếu khảo sát này đã được sử dụng',
    usedText: 'Mỗi hồ sơ chỉ được đánh giá một lần, và phiếu của hồ sơ này đã được gửi. Nếu đó là bạn, xin cảm ơn!',
    home: 'Về trang chủ',
  },
  en: {
    procedureLabel: 'Procedure',
    unitLabel: 'Unit',
    invalidTitle: 'This survey link is not valid',
    invalidText:
      'This QR code or link is not right: it may be incomplete or altered. Please scan the QR code on your dossier receipt again. If that does not work, ask the one-stop counter where you filed your dossier.',
    'not-yet-validTitle': 'This survey link is not valid yet',
    'not-yet-validText': 'The survey for this dossier is not open yet. Please scan the QR code again later.',
    expiredTitle: 'This survey link has expired',
    expiredText: 'The time to rate this dossier is over, so no response can be sent. Thank you for your interest.',
    revokedTitle: 'This survey link has been withdrawn',
    revokedText: 'The office has withdrawn this QR code, so no response can be sent. Ask the one-stop counter if you need help.',
    usedTitle: 'This survey link has already been used',
    usedText: 'Each dossier can be rated once, and this dossier’s response has been sent. If that was you, thank you!',
    home: 'Go to the home page',
  },
};
