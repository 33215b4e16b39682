import type { Dictionary } from '../lib/i18n.ts';

export const questionnaireStrings: Dictionary<
  | 'unitLabel'
  | 'progress'
  | 'next'
  | 'back'
  | 'submit'
  | 'submitting'
  | 'optional'
  | 'yes'
  | 'no'
  | 'chooseUpTo'
  | 'chooseAny'
  | 'characters'
  | 'numberRange'
  | 'errorSummary'
  | 'errorRequired'
  | 'errorChoose'
  | 'errorTooMany'
  | 'errorTooLong'
  | 'errorNumber'
  | 'errorInteger'
  | 'errorInvalid'
  | 'networkError'
  | 'serverError'
  | 'rejected'
  | 'restored'
  | 'startOver'
  | 'unitNotFound'
  | 'unitNotFoundText'
  | 'surveyNotFound'
  | 'surveyNotFoundText'
  | 'thankYouNote'
  | 'home'
> = {
  vi: {
    unitLabel: 'Đơn vị được đánh giá',
    progress: 'Phần {current}/{total}',
    next: 'Tiếp tục',
    back: 'Quay lại',
    submit: 'Gửi đánh giá',
    submitting: 'Đang gửi…',
    optional: '(không bắt buộc)',
    yes: 'Có',
    no: 'Không',
    chooseUpTo: 'Chọn tối đa {max} ý.',
    chooseAny: 'Có thể chọn nhiều ý.',
    characters: '{count}/{max} ký tự',
    numberRange: 'Nhập số từ {min} đến {max}.',
    errorSummary: 'Vui lòng kiểm tra lại {count} câu hỏi dưới đây:',
    errorRequired: 'Vui lòng trả lời câu hỏi này.',
    errorChoose: 'Vui lòng chọn một câu trả lời.',
    errorTooMany: 'Chỉ chọn tối đa {max} ý.',
    errorTooLong: 'Vui lòng nhập tối đa {max} ký tự.',
    errorNumber: 'Vui lòng nhập một số từ {min} đến {max}.',
    errorInteger: 'Vui lòng nhập một số nguyên từ {min} đến {max}.',
    errorInvalid: 'Câu trả lời chưa hợp lệ.',
    networkError:
      'Chưa gửi được vì mất kết nối mạng. Câu trả lời vẫn được lưu trên máy này. Vui lòng bấm “Gửi đánh giá” để thử lại.',
    serverError: 'Hệ thống đang bận, chưa gửi được. Câu trả lời vẫn được lưu trên máy này. Vui lòng thử lại sau ít phút.',
    rejected: 'Phiếu chưa được nhận vì có câu trả lời chưa hợp lệ:',
    restored: 'Các câu trả lời bạn đã nhập trước đó trên máy này đã được khôi phục.',
    startOver: 'Xóa và làm lại từ đầu',
    unitNotFound: 'Không tìm thấy đơn vị',
    unitNotFoundText:
      'Không có đơn vị nào có mã “{code}”. Vui lòng quét lại mã QR trên giấy tiếp nhận hồ sơ hoặc kiểm tra lại đường dẫn.',
    surveyNotFound: 'Không tìm thấy phiếu khảo sát',
    surveyNotFoundText: 'Phiếu khảo sát “{key}” không tồn tại hoặc chưa được phát hành.',
    thankYouNote: 'Phiếu đánh giá của bạn đã được ghi nhận.',
    home: 'Về trang chủ',
  },
  en: {
    unitLabel: 'Unit being rated',
    progress: 'Part {current} of {total}',
    next: 'Next',
    back: 'Back',
    submit: 'Submit',
    submitting: 'Sending…',
    optional: '(optional)',
    yes: 'Yes',
    no: 'No',
    chooseUpTo: 'Choose up to {max}.',
    chooseAny: 'Choose all that apply.',
    characters: '{count}/{max} characters',
    numberRange: 'Enter a number from {min} to {max}.',
    errorSummary: 'Please check the {count} question(s) below:',
    errorRequired: 'Please answer this question.',
    errorChoose: 'Please choose an answer.',
    errorTooMany: 'Choose at most {max}.',
    errorTooLong: 'Please enter at most {max} characters.',
    errorNumber: 'Please enter a number from {min} to {max}.',
    errorInteger: 'Please enter a whole number from {min} to {max}.',
    errorInvalid: 'This answer is not valid.',
    networkError:
      'Not sent: the connection was lost. Your answers are still saved on this device. Press “Submit” to try again.',
    serverError: 'The system is busy and your answers were not sent. They are still saved on this device. Please try again in a few minutes.',
    rejected: 'The response was not accepted because some answers are not valid:',
    restored: 'The answers you entered earlier on this device have been restored.',
    startOver: 'Clear and start over',
    unitNotFound: 'Unit not found',
    unitNotFoundText:
      'There is no unit with code “{code}”. Please scan the QR code on your dossier receipt again, or check the link.',
    surveyNotFound: 'Survey not found',
    surveyNotFoundText: 'The survey “{key}” does not exist or is not published.',
    thankYouNote: 'Your response has been recorded.',
    home: 'Go to the home page',
  },
};
