import type { Dictionary } from '../lib/i18n.ts';

/** The admin's survey pages: the list of versions and the preview of one version. */
export const surveysStrings: Dictionary<
  | 'listTitle'
  | 'listIntro'
  | 'listCaption'
  | 'colSurvey'
  | 'colKey'
  | 'colVersion'
  | 'colStatus'
  | 'colHash'
  | 'versionSuffix'
  | 'noSurveys'
  | 'backToList'
  | 'statusDraft'
  | 'statusPublished'
  | 'statusRetired'
  | 'surveyNotFound'
  | 'surveyNotFoundText'
  | 'previewLanguage'
  | 'onlyVietnamese'
  | 'facts'
  | 'key'
  | 'version'
  | 'status'
  | 'locales'
  | 'size'
  | 'sizeValue'
  | 'hash'
  | 'introduction'
  | 'contents'
  | 'sectionHeading'
  | 'sectionId'
  | 'thankYou'
  | 'questionId'
  | 'questionType'
  | 'required'
  | 'requiredYes'
  | 'requiredNo'
  | 'shownIf'
  | 'isOneOf'
  | 'answers'
  | 'typeSatisfaction5'
  | 'typeScale4'
  | 'typeYesNo'
  | 'typeSingleChoice'
  | 'typeMultipleChoice'
  | 'typeText'
  | 'typeNumber'
  | 'typeInteger'
  | 'scoring'
  | 'satisfiedLevels'
  | 'overallMethod'
  | 'minSampleToRank'
  | 'minSampleValue'
  | 'componentsCaption'
  | 'colComponent'
  | 'colCriterionId'
  | 'colCriterionText'
  | 'provenance'
  | 'source'
  | 'notes'
  | 'unconfirmed'
  | 'noUnconfirmed'
> = {
  vi: {
    listTitle: 'Phiếu khảo sát',
    listIntro: 'Các phiếu khảo sát và phiên bản mà máy chủ đang dùng. Chọn một phiên bản để xem trước nội dung và cách tính điểm.',
    listCaption: 'Các phiên bản phiếu khảo sát ({count})',
    colSurvey: 'Phiếu khảo sát',
    colKey: 'Mã phiếu',
    colVersion: 'Phiên bản',
    colStatus: 'Trạng thái',
    colHash: 'Mã băm SHA-256',
    versionSuffix: ', phiên bản {version}',
    noSurveys: 'Chưa có phiếu khảo sát nào.',
    backToList: 'Danh sách phiếu khảo sát',
    statusDraft: 'Bản nháp',
    statusPublished: 'Đã phát hành',
    statusRetired: 'Ngừng sử dụng',
    surveyNotFound: 'Không tìm thấy phiếu khảo sát',
    surveyNotFoundText: 'Không có phiếu “{key}” phiên bản {version}.',
    previewLanguage: 'Ngôn ngữ xem trước',
    onlyVietnamese: 'Phiếu này chỉ có tiếng Việt.',
    facts: 'Thông tin phiên bản',
    key: 'Mã phiếu',
    version: 'Phiên bản',
    status: 'Trạng thái',
    locales: 'Ngôn ngữ',
    size: 'Quy mô',
    sizeValue: '{sections} phần, {questions} câu hỏi',
    hash: 'Mã băm SHA-256 của tệp',
    introduction: 'Lời giới thiệu',
    contents: 'Nội dung phiếu',
    sectionHeading: 'Phần {number}: ',
    sectionId: 'Mã phần',
    thankYou: 'Lời cảm ơn',
    questionId: 'Mã câu hỏi',
    questionType: 'Loại',
    required: 'Trả lời',
    requiredYes: 'Bắt buộc',
    requiredNo: 'Không bắt buộc',
    shownIf: 'Chỉ hiện khi:',
    isOneOf: 'là một trong:',
    answers: 'Các câu trả lời',
    typeSatisfaction5: 'Mức độ hài lòng (5 mức)',
    typeScale4: 'Thang 4 mức',
    typeYesNo: 'Có / Không',
    typeSingleChoice: 'Chọn một ý',
    typeMultipleChoice: 'Chọn nhiều ý (tối đa {max})',
    typeText: 'Trả lời tự do (tối đa {max} ký tự)',
    typeNumber: 'Số từ {min} đến {max}',
    typeInteger: 'Số nguyên từ {min} đến {max}',
    scoring: 'Cách tính điểm',
    satisfiedLevels: 'Mức được tính là hài lòng',
    overallMethod: 'Cách tính tỷ lệ hài lòng chung',
    minSampleToRank: 'Cỡ mẫu tối thiểu để xếp hạng',
    minSampleValue: '{n} phiếu',
    componentsCaption: 'Yếu tố và tiêu chí ({components} yếu tố, {criteria} tiêu chí)',
    colComponent: 'Yếu tố',
    colCriterionId: 'Mã tiêu chí',
    colCriterionText: 'Tiêu chí (câu hỏi)',
    provenance: 'Nguồn gốc',
    source: 'Căn cứ',
    notes: 'Ghi chú',
    unconfirmed: 'Điểm chưa được văn bản chính thức xác nhận ({count})',
    noUnconfirmed: 'Không có.',
  },
  en: {
    listTitle: 'Surveys',
    listIntro: 'The surveys and versions this server uses. Choose a version to preview its content and scoring.',
    listCaption: 'Survey versions ({count})',
    colSurvey: 'Survey',
    colKey: 'Key',
    colVersion: 'Version',
    colStatus: 'Status',
    colHash: 'SHA-256 hash',
    versionSuffix: ', version {version}',
    noSurveys: 'No survey yet.',
    backToList: 'All surveys',
    statusDraft: 'Draft',
    statusPublished: 'Published',
    statusRetired: 'Retired',
    surveyNotFound: 'Survey not found',
    surveyNotFoundText: 'There is no survey “{key}” version {version}.',
    previewLanguage: 'Preview language',
    onlyVietnamese: 'This survey is in Vietnamese only.',
    facts: 'About this version',
    key: 'Key',
    version: 'Version',
    status: 'Status',
    locales: 'Languages',
    size: 'Size',
    sizeValue: '{sections} parts, {questions} questions',
    hash: 'SHA-256 hash of the file',
    introduction: 'Introduction',
    contents: 'Questionnaire',
    sectionHeading: 'Part {number}: ',
    sectionId: 'Part id',
    thankYou: 'Thank-you text',
    questionId: 'Question id',
    questionType: 'Type',
    required: 'Answer',
    requiredYes: 'Required',
    requiredNo: 'Optional',
    shownIf: 'Shown only if:',
    isOneOf: 'is one of:',
    answers: 'Answers',
    typeSatisfaction5: 'Satisfaction (5 levels)',
    typeScale4: '4-point scale',
    typeYesNo: 'Yes / No',
    typeSingleChoice: 'Choose one',
    typeMultipleChoice: 'Choose several (at most {max})',
    typeText: 'Free text (at most {max} characters)',
    typeNumber: 'Number from {min} to {max}',
    typeInteger: 'Whole number from {min} to {max}',
    scoring: 'Scoring',
    satisfiedLevels: 'Levels counted as satisfied',
    overallMethod: 'Overall satisfaction method',
    minSampleToRank: 'Minimum sample to rank',
    minSampleValue: '{n} responses',
    componentsCaption: 'Factors and criteria ({components} factors, {criteria} criteria)',
    colComponent: 'Factor',
    colCriterionId: 'Criterion id',
    colCriterionText: 'Criterion (question)',
    provenance: 'Provenance',
    source: 'Source',
    notes: 'Notes',
    unconfirmed: 'Points not confirmed by an official text ({count})',
    noUnconfirmed: 'None.',
  },
};

/** Language names as their speakers write them (the preview toggle and the list of a survey's languages). */
export const LANGUAGE_NAMES = { vi: 'Tiếng Việt', en: 'English' } as const;
