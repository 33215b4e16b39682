import { describe, expect, it } from 'vitest';
import { namedPeriod, rangePeriod } from '../results/period.ts';
import { describeGroup, describePeriod, writeAnalysis, type AnalysisFigures, type AnalysisInput } from './analysis-text.ts';

// Figures chosen so that every printed number can be checked by hand: 85.54 − 86.06 = −0.52, and so on.
const components = [
  { id: 'access', label: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' } },
  { id: 'procedure', label: { vi: 'Thủ tục hành chính', en: 'Administrative procedure' } },
  { id: 'staff', label: { vi: 'Sự phục vụ của công chức', en: 'Service by civil servants' } },
];
const criteria = [
  { id: 'a1', componentId: 'access', text: { vi: 'Nơi ngồi chờ', en: 'Waiting seats' } },
  { id: 'p1', componentId: 'procedure', text: { vi: 'Niêm yết công khai', en: 'Posted publicly' } },
  { id: 'p2', componentId: 'procedure', text: { vi: 'Phí đúng quy định', en: 'Fees as prescribed' } },
  { id: 's1', componentId: 'staff', text: { vi: 'Lịch sự', en: 'Polite' } },
];

function figures(share: number | null, parts: Array<number | null>, crit: Array<number | null>, extra: Partial<AnalysisFigures> = {}): AnalysisFigures {
  return {
    share,
    n: 1234,
    respondents: 1250,
    interval: share === null ? null : { low: share - 1.5, high: share + 1.25 },
    belowMinimum: false,
    components: components.map((c, i) => ({ id: c.id, share: parts[i]! })),
    criteria: criteria.map((c, i) => ({ id: c.id, share: crit[i]!, n: 300 })),
    ...extra,
  };
}

const canTho: AnalysisInput = {
  unit: { fullNameVi: 'Thành phố Cần Thơ', nameEn: 'Can Tho City' },
  period: namedPeriod('2025'),
  previousPeriod: namedPeriod('2024'),
  minimumSample: 30,
  components,
  criteria,
  current: figures(85.5412, [87.1, 84.0, 85.52], [87.1, 80.25, 87.75, 85.52]),
  previous: figures(86.0644, [86.0, 84.52, 85.52], [86, 84, 85.04, 85.52]),
  derived: { current: false, previous: false },
  position: { rank: 48, of: 63, rankChange: -10, groupRanks: [{ group: 'region:Đồng bằng sông Cửu Long', rank: 5, of: 13 }] },
};

describe('writeAnalysis', () => {
  it.each<[string, AnalysisInput, 'vi' | 'en', string[]]>([
    [
      'the provinces’ headline, with the component that fell and the one that rose most',
      canTho,
      'vi',
      [
        'Năm 2025, Chỉ số SIPAS của Thành phố Cần Thơ đạt 85,54%, xếp hạng 48/63, giảm 10 bậc so với năm 2024; yếu tố Thủ tục hành chính giảm 0,52 điểm, yếu tố Tiếp cận dịch vụ tăng 1,10 điểm. ' +
          'So với năm 2024 (86,06%), chỉ số giảm 0,52 điểm. Đơn vị xếp thứ 5/13 trong vùng Đồng bằng sông Cửu Long.',
        'Các yếu tố thành phần: Tiếp cận dịch vụ 87,10% (tăng 1,10 điểm); Thủ tục hành chính 84,00% (giảm 0,52 điểm); Sự phục vụ của công chức 85,52% (không đổi).',
        'Các tiêu chí có tỷ lệ hài lòng thấp nhất: “Niêm yết công khai” 80,25%; “Lịch sự” 85,52%; “Nơi ngồi chờ” 87,10%.',
        'Kết quả dựa trên 1.250 phiếu khảo sát, trong đó 1.234 phiếu có câu trả lời hợp lệ cho các tiêu chí; khoảng tin cậy 95% của chỉ số từ 84,04% đến 86,79%.',
      ],
    ],
    [
      'the same in English',
      canTho,
      'en',
      [
        'In 2025, the SIPAS index of Can Tho City was 85.54%, ranked 48/63, down 10 places compared with 2024; Administrative procedure down 0.52 points, Access to the service up 1.10 points. ' +
          'Compared with 2024 (86.06%), the index is down 0.52 points. It ranks 5/13 in the Đồng bằng sông Cửu Long region.',
        'Components: Access to the service 87.10% (up 1.10 points); Administrative procedure 84.00% (down 0.52 points); Service by civil servants 85.52% (unchanged).',
        'Criteria with the lowest share satisfied: “Posted publicly” 80.25%; “Polite” 85.52%; “Waiting seats” 87.10%.',
        'Based on 1,250 responses, 1,234 of them with valid answers to the criteria; 95% confidence interval of the index: 84.04% to 86.79%.',
      ],
    ],
    [
      'a quarter ranked for the first time, rising, without a previous rank',
      {
        ...canTho,
        period: namedPeriod('2025-Q2'),
        previousPeriod: namedPeriod('2025-Q1'),
        position: { rank: 1, of: 4, rankChange: null, groupRanks: [] },
        current: figures(90, [90, 90, null], [90, 90, 90, null]),
        previous: figures(80, [80, 80, null], [80, 80, 80, null]),
      },
      'vi',
      [
        'Quý II/2025, Chỉ số SIPAS của Thành phố Cần Thơ đạt 90,00%, xếp hạng 1/4; yếu tố Tiếp cận dịch vụ tăng 10,00 điểm. So với quý I/2025 (80,00%), chỉ số tăng 10,00 điểm.',
        'Các yếu tố thành phần: Tiếp cận dịch vụ 90,00% (tăng 10,00 điểm); Thủ tục hành chính 90,00% (tăng 10,00 điểm); Sự phục vụ của công chức chưa có dữ liệu.',
        'Các tiêu chí có tỷ lệ hài lòng thấp nhất: “Nơi ngồi chờ” 90,00%; “Niêm yết công khai” 90,00%; “Phí đúng quy định” 90,00%.',
        'Kết quả dựa trên 1.250 phiếu khảo sát, trong đó 1.234 phiếu có câu trả lời hợp lệ cho các tiêu chí; khoảng tin cậy 95% của chỉ số từ 88,50% đến 91,25%.',
      ],
    ],
    [
      'a month below the minimum sample, unranked, nothing to compare with',
      {
        ...canTho,
        period: namedPeriod('2025-06'),
        previousPeriod: namedPeriod('2025-05'),
        position: null,
        current: figures(75, [75, null, null], [75, null, null, null], { n: 12, respondents: 12, belowMinimum: true, interval: null }),
        previous: null,
      },
      'vi',
      [
        'Tháng 6/2025, Chỉ số SIPAS của Thành phố Cần Thơ đạt 75,00%, chưa được xếp hạng vì số người trả lời (12) thấp hơn mức tối thiểu 30.',
        'Các yếu tố thành phần: Tiếp cận dịch vụ 75,00%; Thủ tục hành chính chưa có dữ liệu; Sự phục vụ của công chức chưa có dữ liệu.',
        'Tiêu chí có tỷ lệ hài lòng thấp nhất: “Nơi ngồi chờ” 75,00%.',
        'Kết quả dựa trên 12 phiếu khảo sát, trong đó 12 phiếu có câu trả lời hợp lệ cho các tiêu chí. Lưu ý: số người trả lời (12) thấp hơn mức tối thiểu 30 để xếp hạng; kết quả chỉ có giá trị tham khảo.',
      ],
    ],
    [
      'the same month in English',
      {
        ...canTho,
        period: namedPeriod('2025-06'),
        previousPeriod: namedPeriod('2025-05'),
        position: null,
        current: figures(75, [75, null, null], [75, null, null, null], { n: 12, respondents: 12, belowMinimum: true, interval: null }),
        previous: null,
      },
      'en',
      [
        'In June 2025, the SIPAS index of Can Tho City was 75.00%, not ranked because its respondents (12) are fewer than the minimum of 30.',
        'Components: Access to the service 75.00%; Administrative procedure no data; Service by civil servants no data.',
        'Criterion with the lowest share satisfied: “Waiting seats” 75.00%.',
        'Based on 12 responses, 12 of them with valid answers to the criteria. Note: the respondents (12) are fewer than the minimum of 30 needed to rank; read the result as indicative only.',
      ],
    ],
    [
      'a quarter after the merger compared with one re-computed from the units before it',
      {
        ...canTho,
        period: namedPeriod('2025-Q3'),
        previousPeriod: namedPeriod('2025-Q2'),
        position: { rank: 2, of: 34, rankChange: -1, groupRanks: [] },
        current: figures(80, [80, 80, 80], [80, 80, 80, 80]),
        previous: figures(95, [95, 95, 95], [95, 95, 95, 95]),
        derived: { current: false, previous: true },
      },
      'vi',
      [
        'Quý III/2025, Chỉ số SIPAS của Thành phố Cần Thơ đạt 80,00%, xếp hạng 2/34, giảm 1 bậc so với quý II/2025; yếu tố Tiếp cận dịch vụ giảm 15,00 điểm. So với quý II/2025 (95,00%), chỉ số giảm 15,00 điểm.',
        'Các yếu tố thành phần: Tiếp cận dịch vụ 80,00% (giảm 15,00 điểm); Thủ tục hành chính 80,00% (giảm 15,00 điểm); Sự phục vụ của công chức 80,00% (giảm 15,00 điểm).',
        'Các tiêu chí có tỷ lệ hài lòng thấp nhất: “Nơi ngồi chờ” 80,00%; “Niêm yết công khai” 80,00%; “Phí đúng quy định” 80,00%.',
        'Kết quả dựa trên 1.250 phiếu khảo sát, trong đó 1.234 phiếu có câu trả lời hợp lệ cho các tiêu chí; khoảng tin cậy 95% của chỉ số từ 78,50% đến 81,25%. ' +
          'Số liệu của những ngày trước khi đơn vị được thành lập theo sắp xếp đơn vị hành chính năm 2025 được tính lại từ phiếu khảo sát của các đơn vị trước sắp xếp.',
      ],
    ],
    [
      'no valid answer in the period',
      { ...canTho, current: figures(null, [null, null, null], [null, null, null, null], { n: 0, respondents: 0, belowMinimum: true }), previous: null, position: null },
      'vi',
      ['Năm 2025, chưa có phiếu khảo sát hợp lệ nào của Thành phố Cần Thơ.'],
    ],
    [
      'a rank kept, in a date range',
      {
        ...canTho,
        period: rangePeriod({ from: '2025-01-15', to: '2025-03-20' }),
        previousPeriod: rangePeriod({ from: '2024-11-09', to: '2025-01-14' }),
        position: { rank: 3, of: 10, rankChange: 0, groupRanks: [{ group: 'level:commune', rank: 1, of: 7 }] },
      },
      'vi',
      [
        'Từ 15/01/2025 đến 20/03/2025, Chỉ số SIPAS của Thành phố Cần Thơ đạt 85,54%, xếp hạng 3/10, giữ nguyên thứ hạng so với giai đoạn từ 09/11/2024 đến 14/01/2025; yếu tố Thủ tục hành chính giảm 0,52 điểm, yếu tố Tiếp cận dịch vụ tăng 1,10 điểm. ' +
          'So với giai đoạn từ 09/11/2024 đến 14/01/2025 (86,06%), chỉ số giảm 0,52 điểm. Đơn vị xếp thứ 1/7 trong nhóm cấp xã.',
        'Các yếu tố thành phần: Tiếp cận dịch vụ 87,10% (tăng 1,10 điểm); Thủ tục hành chính 84,00% (giảm 0,52 điểm); Sự phục vụ của công chức 85,52% (không đổi).',
        'Các tiêu chí có tỷ lệ hài lòng thấp nhất: “Niêm yết công khai” 80,25%; “Lịch sự” 85,52%; “Nơi ngồi chờ” 87,10%.',
        'Kết quả dựa trên 1.250 phiếu khảo sát, trong đó 1.234 phiếu có câu trả lời hợp lệ cho các tiêu chí; khoảng tin cậy 95% của chỉ số từ 84,04% đến 86,79%.',
      ],
    ],
  ])('%s', (_name, input, locale, expected) => {
    expect(writeAnalysis(input, locale)).toEqual(expected);
  });
});

describe('describePeriod', () => {
  it.each([
    [namedPeriod('2025'), 'vi', 'Năm 2025', 'năm 2025'],
    [namedPeriod('2025-Q4'), 'vi', 'Quý IV/2025', 'quý IV/2025'],
    [namedPeriod('2025-06'), 'vi', 'Tháng 6/2025', 'tháng 6/2025'],
    [rangePeriod({ from: '2025-01-01', to: '2025-06-30' }), 'vi', 'Từ 01/01/2025 đến 30/06/2025', 'giai đoạn từ 01/01/2025 đến 30/06/2025'],
    [namedPeriod('2025'), 'en', 'In 2025', '2025'],
    [namedPeriod('2025-Q1'), 'en', 'In Q1 2025', 'Q1 2025'],
    [namedPeriod('2025-12'), 'en', 'In December 2025', 'December 2025'],
    [rangePeriod({ from: '2025-02-03', to: '2025-02-09' }), 'en', 'From 03/02/2025 to 09/02/2025', 'the period from 03/02/2025 to 09/02/2025'],
  ] as const)('%j (%s) -> "%s" / "%s"', (period, locale, start, inside) => {
    expect(describePeriod(period, locale, 'start')).toBe(start);
    expect(describePeriod(period, locale, 'inside')).toBe(inside);
  });
});

describe('describeGroup', () => {
  it.each([
    ['region:Bắc Trung Bộ', 'vi', 'vùng Bắc Trung Bộ'],
    ['region:Bắc Trung Bộ', 'en', 'the Bắc Trung Bộ region'],
    ['subregion:Duyên hải Nam Trung Bộ', 'vi', 'tiểu vùng Duyên hải Nam Trung Bộ'],
    ['level:department', 'vi', 'nhóm sở, ngành'],
    ['level:commune', 'en', 'the commune units'],
    ['kind:department', 'en', 'the department group'],
  ] as const)('%s (%s) -> %s', (tag, locale, phrase) => {
    expect(describeGroup(tag, locale)).toBe(phrase);
  });
});
