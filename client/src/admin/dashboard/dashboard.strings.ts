import type { Dictionary } from '../../lib/i18n.ts';

/** The unit dashboard: summary, rank, components, trend, sub-units, breakdowns, comments, exports. */
export const dashboardStrings: Dictionary<
  | 'pageTitle'
  | 'backToUnits'
  | 'unknownUnit'
  | 'unknownUnitText'
  | 'forbidden'
  | 'forbiddenText'
  | 'periodKind'
  | 'periodType'
  | 'kindYear'
  | 'kindQuarter'
  | 'kindMonth'
  | 'year'
  | 'quarter'
  | 'month'
  | 'quarterOption'
  | 'monthOption'
  | 'dates'
  | 'derived'
  | 'summaryHeading'
  | 'overall'
  | 'interval'
  | 'respondents'
  | 'method'
  | 'vsPrevious'
  | 'noPrevious'
  | 'smallSample'
  | 'noData'
  | 'rank'
  | 'rankAmong'
  | 'rankNotComparable'
  | 'rankNew'
  | 'rankVsDerived'
  | 'derivedMark'
  | 'rankingDerivedNote'
  | 'notRanked'
  | 'notRankedNoScore'
  | 'groupRank'
  | 'groupRegion'
  | 'groupType'
  | 'groupOther'
  | 'componentsCaption'
  | 'colComponent'
  | 'colShare'
  | 'colInterval'
  | 'colN'
  | 'colChange'
  | 'showCriteria'
  | 'hideCriteria'
  | 'expandAll'
  | 'collapseAll'
  | 'satisfiedOf'
  | 'weakest'
  | 'weakestHeading'
  | 'weakestIntro'
  | 'trendHeading'
  | 'trendTitle'
  | 'overallSeries'
  | 'noTrend'
  | 'subUnitsHeading'
  | 'subUnitsCaption'
  | 'colRank'
  | 'colUnit'
  | 'colRankChange'
  | 'colPointChange'
  | 'colGroup'
  | 'unrankedCaption'
  | 'colReason'
  | 'noDataUnits'
  | 'reasonBelowMinimum'
  | 'noSubUnits'
  | 'expectationsHeading'
  | 'colExpectationShare'
  | 'channelsTitle'
  | 'colChannelShare'
  | 'colCount'
  | 'proceduresCaption'
  | 'colProcedure'
  | 'channelWeb'
  | 'channelQr'
  | 'channelKiosk'
  | 'breakdownResponses'
  | 'commentsHeading'
  | 'commentsSearch'
  | 'commentsSubmit'
  | 'commentShare'
  | 'commentsUnit'
  | 'commentsAllUnits'
  | 'commentsSatisfied'
  | 'commentsAny'
  | 'commentsYes'
  | 'commentsNo'
  | 'commentsCount'
  | 'commentsNone'
  | 'commentSatisfied'
  | 'commentNotSatisfied'
  | 'commentUnknown'
  | 'previousPage'
  | 'nextPage'
  | 'pageOf'
  | 'exportsHeading'
  | 'exportScores'
  | 'exportRankings'
  | 'exportResponses'
  | 'reportLink'
  | 'fingerprint'
> = {
  vi: {
    pageTitle: 'Kết quả {unit} – {period}',
    backToUnits: 'Danh sách đơn vị',
    unknownUnit: 'Không tìm thấy đơn vị',
    unknownUnitText: 'Không có đơn vị hoặc phiếu khảo sát nào ứng với địa chỉ này.',
    forbidden: 'Không có quyền xem đơn vị này',
    forbiddenText: 'Tài khoản của bạn chỉ xem được kết quả của đơn vị được giao và các đơn vị trực thuộc.',
    periodKind: 'Kỳ báo cáo',
    periodType: 'Loại kỳ',
    kindYear: 'Năm',
    kindQuarter: 'Quý',
    kindMonth: 'Tháng',
    year: 'Năm',
    quarter: 'Quý',
    month: 'Tháng',
    quarterOption: 'Quý {n}',
    monthOption: 'Tháng {n}',
    dates: 'Từ {from} đến {to}',
    derived: 'Số liệu tính lại từ các đơn vị trước sắp xếp (năm 2025).',
    summaryHeading: 'Tổng quan',
    overall: 'Chỉ số hài lòng chung',
    interval: 'Khoảng tin cậy 95%: {interval}',
    respondents: 'Số người trả lời',
    method: 'Cách tính: {method}',
    vsPrevious: 'so với {period}',
    noPrevious: 'Chưa có số liệu kỳ trước để so sánh.',
    smallSample: 'Cỡ mẫu nhỏ ({n} người trả lời, cần ít nhất {min}): kết quả chỉ mang tính tham khảo và không được xếp hạng.',
    noData: 'Chưa có phiếu trả lời nào trong kỳ này.',
    rank: 'Xếp hạng',
    rankAmong: 'trong {universe}',
    rankNotComparable: 'Không so sánh được với kỳ trước (danh sách đơn vị khác nhau).',
    rankNew: 'Kỳ trước chưa được xếp hạng.',
    rankVsDerived: 'Số liệu kỳ trước tính lại từ các đơn vị trước sắp xếp (năm 2025).',
    derivedMark: 'tính lại từ các đơn vị trước sắp xếp',
    rankingDerivedNote: '* Số liệu tính lại từ các đơn vị trước sắp xếp (năm 2025): ở cột tỷ lệ cho kỳ này, ở cột thứ hạng và điểm cho kỳ trước.',
    notRanked: 'Chưa xếp hạng: cỡ mẫu nhỏ.',
    notRankedNoScore: 'Chưa xếp hạng: chưa có số liệu.',
    groupRank: 'thứ {rank} trong {group}',
    groupRegion: 'vùng {name}',
    groupType: 'nhóm {name}',
    groupOther: 'nhóm {name}',
    componentsCaption: 'Tỷ lệ hài lòng theo yếu tố',
    colComponent: 'Yếu tố / tiêu chí',
    colShare: 'Tỷ lệ hài lòng',
    colInterval: 'Khoảng tin cậy 95%',
    colN: 'Số câu trả lời hợp lệ',
    colChange: 'So với kỳ trước',
    showCriteria: 'Xem tiêu chí của {name}',
    hideCriteria: 'Ẩn tiêu chí của {name}',
    expandAll: 'Mở tất cả tiêu chí',
    collapseAll: 'Thu gọn tất cả',
    satisfiedOf: '{satisfied}/{n} hài lòng',
    weakest: 'Thấp nhất',
    weakestHeading: 'Các tiêu chí thấp nhất',
    weakestIntro: 'Những tiêu chí có tỷ lệ hài lòng thấp nhất trong kỳ, cần ưu tiên cải thiện:',
    trendHeading: 'Diễn biến theo thời gian',
    trendTitle: 'Tỷ lệ hài lòng theo {bucket}',
    overallSeries: 'Chỉ số chung',
    noTrend: 'Chưa đủ số liệu để vẽ diễn biến.',
    subUnitsHeading: 'Xếp hạng các đơn vị trực thuộc',
    subUnitsCaption: 'Xếp hạng {count} đơn vị trực thuộc, {period}',
    colRank: 'Hạng',
    colUnit: 'Đơn vị',
    colRankChange: 'Thay đổi thứ hạng',
    colPointChange: 'Thay đổi (điểm)',
    colGroup: 'Hạng trong nhóm',
    unrankedCaption: 'Chưa xếp hạng: {count} đơn vị dưới {min} người trả lời',
    noDataUnits: '{count} đơn vị chưa có phiếu trả lời nào trong kỳ',
    colReason: 'Lý do',
    reasonBelowMinimum: 'Cỡ mẫu nhỏ',
    noSubUnits: 'Đơn vị này không có đơn vị trực thuộc.',
    expectationsHeading: 'Mong đợi và kênh tiếp nhận',
    colExpectationShare: 'Tỷ lệ người chọn',
    channelsTitle: 'Cách người dân trả lời khảo sát',
    colChannelShare: 'Tỷ lệ phiếu',
    colCount: 'Số phiếu',
    proceduresCaption: 'Thủ tục được đánh giá nhiều nhất',
    colProcedure: 'Thủ tục hành chính',
    channelWeb: 'Trang web',
    channelQr: 'Mã QR trên giấy hẹn',
    channelKiosk: 'Máy tính bảng tại quầy',
    breakdownResponses: '{count} phiếu trả lời từ {from} đến {to}.',
    commentsHeading: 'Ý kiến của người dân',
    commentsSearch: 'Tìm trong ý kiến',
    commentsSubmit: 'Tìm',
    commentShare: 'hài lòng {share} số tiêu chí',
    commentsUnit: 'Đơn vị',
    commentsAllUnits: 'Tất cả đơn vị',
    commentsSatisfied: 'Mức hài lòng',
    commentsAny: 'Tất cả',
    commentsYes: 'Hài lòng',
    commentsNo: 'Chưa hài lòng',
    commentsCount: '{count} ý kiến',
    commentsNone: 'Không có ý kiến nào phù hợp.',
    commentSatisfied: 'Hài lòng',
    commentNotSatisfied: 'Chưa hài lòng',
    commentUnknown: 'Không rõ',
    previousPage: 'Trang trước',
    nextPage: 'Trang sau',
    pageOf: 'Trang {page}/{pages}',
    exportsHeading: 'Tải số liệu (CSV)',
    exportScores: 'Điểm theo yếu tố và tiêu chí',
    exportRankings: 'Xếp hạng đơn vị trực thuộc',
    exportResponses: 'Phiếu trả lời (dữ liệu thô)',
    reportLink: 'Báo cáo phân tích',
    fingerprint: 'Mã kiểm chứng: {fingerprint}',
  },
  en: {
    pageTitle: 'Results of {unit} – {period}',
    backToUnits: 'All units',
    unknownUnit: 'Unit not found',
    unknownUnitText: 'No unit or survey matches this address.',
    forbidden: 'No access to this unit',
    forbiddenText: 'Your account sees the results of its own unit and the units below it only.',
    periodKind: 'Reporting period',
    periodType: 'Period type',
    kindYear: 'Year',
    kindQuarter: 'Quarter',
    kindMonth: 'Month',
    year: 'Year',
    quarter: 'Quarter',
    month: 'Month',
    quarterOption: 'Q{n}',
    monthOption: 'Month {n}',
    dates: 'From {from} to {to}',
    derived: 'Figures re-computed from the units before the 2025 merger.',
    summaryHeading: 'Overview',
    overall: 'Overall satisfaction index',
    interval: '95% confidence interval: {interval}',
    respondents: 'Respondents',
    method: 'Method: {method}',
    vsPrevious: 'compared with {period}',
    noPrevious: 'No figures for the previous period to compare with.',
    smallSample: 'Small sample ({n} respondents, at least {min} needed): indicative only, and not ranked.',
    noData: 'No responses in this period yet.',
    rank: 'Rank',
    rankAmong: 'among {universe}',
    rankNotComparable: 'Not comparable with the previous period (a different set of units).',
    rankNew: 'Not ranked in the previous period.',
    rankVsDerived: 'The previous period’s figures are re-computed from the units before the 2025 merger.',
    derivedMark: 're-computed from the units before the merger',
    rankingDerivedNote: '* Re-computed from the units before the 2025 merger: in the share column for this period, in the change columns for the previous one.',
    notRanked: 'Not ranked: sample too small.',
    notRankedNoScore: 'Not ranked: no figures yet.',
    groupRank: '{rank} in {group}',
    groupRegion: 'the {name} region',
    groupType: 'the {name} group',
    groupOther: 'the {name} group',
    componentsCaption: 'Satisfaction by factor',
    colComponent: 'Factor / criterion',
    colShare: 'Satisfied',
    colInterval: '95% confidence interval',
    colN: 'Valid answers',
    colChange: 'Versus previous period',
    showCriteria: 'Show criteria of {name}',
    hideCriteria: 'Hide criteria of {name}',
    expandAll: 'Expand all criteria',
    collapseAll: 'Collapse all',
    satisfiedOf: '{satisfied} of {n} satisfied',
    weakest: 'Lowest',
    weakestHeading: 'Weakest criteria',
    weakestIntro: 'The criteria with the lowest satisfaction this period, to improve first:',
    trendHeading: 'Trend over time',
    trendTitle: 'Satisfaction by {bucket}',
    overallSeries: 'Overall index',
    noTrend: 'Not enough data for a trend yet.',
    subUnitsHeading: 'Ranking of sub-units',
    subUnitsCaption: 'Ranking of {count} sub-units, {period}',
    colRank: 'Rank',
    colUnit: 'Unit',
    colRankChange: 'Rank change',
    colPointChange: 'Change (points)',
    colGroup: 'Rank in group',
    unrankedCaption: 'Not ranked: {count} units below {min} respondents',
    noDataUnits: '{count} units without any response in the period',
    colReason: 'Reason',
    reasonBelowMinimum: 'Small sample',
    noSubUnits: 'This unit has no sub-units.',
    expectationsHeading: 'Expectations and channels',
    colExpectationShare: 'Chosen by',
    channelsTitle: 'How citizens answered the survey',
    colChannelShare: 'Share of responses',
    colCount: 'Responses',
    proceduresCaption: 'Most rated procedures',
    colProcedure: 'Administrative procedure',
    channelWeb: 'Web page',
    channelQr: 'QR code on the receipt',
    channelKiosk: 'Tablet at the counter',
    breakdownResponses: '{count} responses from {from} to {to}.',
    commentsHeading: 'Citizens’ comments',
    commentsSearch: 'Search the comments',
    commentsSubmit: 'Search',
    commentShare: 'satisfied with {share} of criteria',
    commentsUnit: 'Unit',
    commentsAllUnits: 'All units',
    commentsSatisfied: 'Satisfaction',
    commentsAny: 'All',
    commentsYes: 'Satisfied',
    commentsNo: 'Not satisfied',
    commentsCount: '{count} comments',
    commentsNone: 'No comment matches.',
    commentSatisfied: 'Satisfied',
    commentNotSatisfied: 'Not satisfied',
    commentUnknown: 'Unknown',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageOf: 'Page {page} of {pages}',
    exportsHeading: 'Download the data (CSV)',
    exportScores: 'Scores by factor and criterion',
    exportRankings: 'Ranking of sub-units',
    exportResponses: 'Responses (raw data)',
    reportLink: 'Analysis report',
    fingerprint: 'Verification code: {fingerprint}',
  },
};
