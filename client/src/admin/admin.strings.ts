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
  | 'unknownSurvey'
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
    unknownSurvey: 'Không tìm thấy phiếu khảo sát',
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
    unknownSurvey: 'Survey not found',
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
