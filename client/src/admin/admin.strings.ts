import type { Dictionary } from '../lib/i18n.ts';

export const adminStrings: Dictionary<
  | 'title'
  | 'intro'
  | 'unitsCaption'
  | 'colUnit'
  | 'colCode'
  | 'colType'
  | 'colResponses'
  | 'sortBy'
  | 'search'
  | 'searchHint'
  | 'noMatch'
  | 'survey'
  | 'backToUnits'
  | 'overall'
  | 'overallHint'
  | 'responses'
  | 'method'
  | 'componentsCaption'
  | 'colComponent'
  | 'colShare'
  | 'colN'
  | 'colCriterion'
  | 'showCriteria'
  | 'hideCriteria'
  | 'expandAll'
  | 'collapseAll'
  | 'noData'
  | 'unknownUnit'
  | 'unknownUnitText'
  | 'unknownSurvey'
  | 'retrieved'
  | 'satisfiedOf'
  | 'smallSample'
  | 'methodMeanOfComponents'
  | 'methodPooledItems'
  | 'methodRespondentLevel'
  | 'adminNav'
  | 'navResults'
  | 'navSurveys'
> = {
  vi: {
    title: 'Kết quả khảo sát theo đơn vị',
    intro: 'Chọn một đơn vị để xem tỷ lệ hài lòng theo từng yếu tố và tiêu chí.',
    unitsCaption: 'Danh sách đơn vị ({count})',
    colUnit: 'Đơn vị',
    colCode: 'Mã',
    colType: 'Loại',
    colResponses: 'Số phiếu',
    sortBy: 'Sắp xếp theo {column}',
    search: 'Tìm đơn vị',
    searchHint: 'Nhập tên hoặc mã đơn vị',
    noMatch: 'Không có đơn vị nào phù hợp.',
    survey: 'Phiếu khảo sát',
    backToUnits: 'Danh sách đơn vị',
    overall: 'Tỷ lệ hài lòng chung',
    overallHint: 'Cách tính: {method}',
    responses: 'Số phiếu hợp lệ',
    method: 'Cách tính',
    componentsCaption: 'Tỷ lệ hài lòng theo yếu tố',
    colComponent: 'Yếu tố / tiêu chí',
    colShare: 'Tỷ lệ hài lòng',
    colN: 'Số câu trả lời hợp lệ',
    colCriterion: 'Tiêu chí',
    showCriteria: 'Xem tiêu chí của {name}',
    hideCriteria: 'Ẩn tiêu chí của {name}',
    expandAll: 'Mở tất cả tiêu chí',
    collapseAll: 'Thu gọn tất cả',
    noData: 'Chưa có phiếu trả lời nào cho đơn vị này.',
    unknownUnit: 'Không tìm thấy đơn vị',
    unknownUnitText: 'Không có đơn vị hoặc phiếu khảo sát nào ứng với địa chỉ này.',
    unknownSurvey: 'Không tìm thấy phiếu khảo sát',
    retrieved: 'Số liệu lúc {time}',
    satisfiedOf: '{satisfied}/{n} hài lòng',
    smallSample: 'Cỡ mẫu nhỏ ({n} phiếu): kết quả chỉ mang tính tham khảo.',
    methodMeanOfComponents: 'trung bình các yếu tố',
    methodPooledItems: 'tỷ lệ gộp trên mọi câu trả lời',
    methodRespondentLevel: 'trung bình theo người trả lời',
    adminNav: 'Quản trị',
    navResults: 'Kết quả theo đơn vị',
    navSurveys: 'Phiếu khảo sát',
  },
  en: {
    title: 'Survey results by unit',
    intro: 'Choose a unit to see its satisfaction rate by factor and criterion.',
    unitsCaption: 'Units ({count})',
    colUnit: 'Unit',
    colCode: 'Code',
    colType: 'Type',
    colResponses: 'Responses',
    sortBy: 'Sort by {column}',
    search: 'Find a unit',
    searchHint: 'Type a name or a code',
    noMatch: 'No unit matches.',
    survey: 'Survey',
    backToUnits: 'All units',
    overall: 'Overall satisfaction',
    overallHint: 'Method: {method}',
    responses: 'Valid responses',
    method: 'Method',
    componentsCaption: 'Satisfaction by factor',
    colComponent: 'Factor / criterion',
    colShare: 'Satisfied',
    colN: 'Valid answers',
    colCriterion: 'Criterion',
    showCriteria: 'Show criteria of {name}',
    hideCriteria: 'Hide criteria of {name}',
    expandAll: 'Expand all criteria',
    collapseAll: 'Collapse all',
    noData: 'No responses yet for this unit.',
    unknownUnit: 'Unit not found',
    unknownUnitText: 'No unit or survey matches this address.',
    unknownSurvey: 'Survey not found',
    retrieved: 'Data as of {time}',
    satisfiedOf: '{satisfied} of {n} satisfied',
    smallSample: 'Small sample ({n} responses): indicative only.',
    methodMeanOfComponents: 'mean of factors',
    methodPooledItems: 'pooled share over all answers',
    methodRespondentLevel: 'mean over respondents',
    adminNav: 'Administration',
    navResults: 'Results by unit',
    navSurveys: 'Surveys',
  },
};

/** The overall method of a scoring spec in words (lower case: it follows "Cách tính:"). */
export function methodLabel(method: string, t: (key: keyof typeof adminStrings.vi) => string): string {
  if (method === 'mean-of-components') return t('methodMeanOfComponents');
  if (method === 'pooled-items') return t('methodPooledItems');
  if (method === 'respondent-level') return t('methodRespondentLevel');
  return method;
}

const UNIT_TYPES_EN: Record<string, string> = {
  'tỉnh': 'Province',
  'thành phố trực thuộc trung ương': 'Centrally-run city',
  'quận': 'Urban district',
  'huyện': 'Rural district',
  'thị xã': 'Town',
  'thành phố': 'City',
  'phường': 'Ward',
  'xã': 'Commune',
  'thị trấn': 'Township',
  'đặc khu': 'Special zone',
};

/** Unit types are stored in Vietnamese (as published); English is a display translation. */
export function unitTypeLabel(type: string, locale: 'vi' | 'en'): string {
  if (locale === 'vi') return type.charAt(0).toLocaleUpperCase('vi') + type.slice(1);
  return UNIT_TYPES_EN[type.toLocaleLowerCase('vi')] ?? type;
}
