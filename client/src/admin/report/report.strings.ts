import type { Dictionary } from '../../lib/i18n.ts';

export const reportStrings: Dictionary<
  | 'pageTitle'
  | 'heading'
  | 'backToDashboard'
  | 'print'
  | 'printHint'
  | 'generated'
  | 'overallCaption'
  | 'colFigure'
  | 'colValue'
  | 'rowShare'
  | 'rowPreviousShare'
  | 'rowPointChange'
  | 'rowInterval'
  | 'rowRespondents'
  | 'rowValidRespondents'
  | 'rowRank'
  | 'rowRankChange'
  | 'rowGroupRank'
  | 'notRanked'
  | 'notRankedNoScore'
  | 'componentsCaption'
  | 'criteriaCaption'
  | 'colComponent'
  | 'colCriterion'
  | 'colShare'
  | 'colPrevious'
  | 'colChange'
  | 'colN'
  | 'weakest'
> = {
  vi: {
    pageTitle: 'Báo cáo phân tích – {unit} – {period}',
    heading: 'Báo cáo phân tích Chỉ số hài lòng: {unit}, {period}',
    backToDashboard: 'Về trang kết quả',
    print: 'In báo cáo (A4)',
    printHint: 'Trang in khổ A4, không có thanh điều hướng; mỗi bảng bắt đầu ở trang mới.',
    generated: 'Báo cáo tạo lúc {time}.',
    overallCaption: 'Bảng 1. Chỉ số hài lòng chung và xếp hạng',
    colFigure: 'Chỉ tiêu',
    colValue: 'Giá trị',
    rowShare: 'Chỉ số hài lòng',
    rowPreviousShare: 'Chỉ số kỳ trước ({period})',
    rowPointChange: 'Thay đổi so với kỳ trước',
    rowInterval: 'Khoảng tin cậy 95%',
    rowRespondents: 'Số phiếu khảo sát',
    rowValidRespondents: 'Số phiếu có câu trả lời hợp lệ',
    rowRank: 'Xếp hạng',
    rowRankChange: 'Thay đổi thứ hạng',
    rowGroupRank: 'Xếp hạng trong nhóm',
    notRanked: 'Chưa xếp hạng (dưới {min} người trả lời)',
    notRankedNoScore: 'Chưa xếp hạng (chưa có số liệu)',
    componentsCaption: 'Bảng 2. Chỉ số theo yếu tố',
    criteriaCaption: 'Bảng 3. Tỷ lệ hài lòng theo tiêu chí',
    colComponent: 'Yếu tố',
    colCriterion: 'Tiêu chí',
    colShare: 'Tỷ lệ hài lòng',
    colPrevious: 'Kỳ trước',
    colChange: 'Thay đổi',
    colN: 'Số câu trả lời hợp lệ',
    weakest: 'thấp nhất',
  },
  en: {
    pageTitle: 'Analysis report – {unit} – {period}',
    heading: 'Satisfaction index analysis: {unit}, {period}',
    backToDashboard: 'Back to the results',
    print: 'Print the report (A4)',
    printHint: 'Prints on A4 without navigation; each table starts on a new page.',
    generated: 'Report generated at {time}.',
    overallCaption: 'Table 1. Overall index and rank',
    colFigure: 'Figure',
    colValue: 'Value',
    rowShare: 'Satisfaction index',
    rowPreviousShare: 'Previous period ({period})',
    rowPointChange: 'Change from the previous period',
    rowInterval: '95% confidence interval',
    rowRespondents: 'Responses',
    rowValidRespondents: 'Responses with valid answers',
    rowRank: 'Rank',
    rowRankChange: 'Rank change',
    rowGroupRank: 'Rank in group',
    notRanked: 'Not ranked (fewer than {min} respondents)',
    notRankedNoScore: 'Not ranked (no figures)',
    componentsCaption: 'Table 2. Index by factor',
    criteriaCaption: 'Table 3. Satisfaction by criterion',
    colComponent: 'Factor',
    colCriterion: 'Criterion',
    colShare: 'Satisfied',
    colPrevious: 'Previous period',
    colChange: 'Change',
    colN: 'Valid answers',
    weakest: 'lowest',
  },
};
