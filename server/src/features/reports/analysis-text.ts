/**
 * The analysis report's text, in the manner of the provinces' own SIPAS reports: "Năm 2025, Chỉ số SIPAS của
 * Thành phố Cần Thơ đạt 85,54%, xếp hạng 48/63, giảm 10 bậc so với năm 2024; yếu tố Thủ tục hành chính giảm
 * 0,52 điểm …", then the components, the weakest criteria, the sample and its uncertainty. Vietnamese or
 * English, numbers as printed (2 decimals, vi-VN or en-US). Pure: no I/O, no clock.
 */
import type { Locale } from '@sipas/survey-definitions/schema';
import { publishedShare } from '../../scoring/ranking.ts';
import { describeGroupRank, describePointChange, describeRankChange, formatRank, formatShare } from '../../scoring/rank-text.ts';
import { PERIOD_PATTERN, type Period } from '../results/period.ts';

interface Text {
  vi: string;
  en: string;
}

export interface AnalysisFigures {
  /** Overall share in percent, unrounded; null without valid answers. */
  share: number | null;
  /** Respondents with a valid scored answer. */
  n: number;
  /** Responses stored. */
  respondents: number;
  interval: { low: number; high: number } | null;
  belowMinimum: boolean;
  components: Array<{ id: string; share: number | null }>;
  criteria: Array<{ id: string; share: number | null; n: number }>;
}

export interface AnalysisInput {
  unit: { fullNameVi: string; nameEn: string | null };
  period: Period;
  previousPeriod: Period;
  minimumSample: number;
  /** In definition order; criteria name their component. */
  components: Array<{ id: string; label: Text }>;
  criteria: Array<{ id: string; componentId: string; text: Text }>;
  current: AnalysisFigures;
  /** Null when the previous period cannot be compared (another universe, no data). */
  previous: AnalysisFigures | null;
  /** Figures of this period, of the previous one, read in part from the unit's predecessors (the 2025 mergers). */
  derived: { current: boolean; previous: boolean };
  /** Null when the unit is not ranked in the period. */
  position: {
    rank: number;
    of: number;
    rankChange: number | null;
    groupRanks: Array<{ group: string; rank: number; of: number }>;
  } | null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEAKEST = 3;
const counts: Record<Locale, Intl.NumberFormat> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-US') };

/** dd/mm/yyyy of a YYYY-MM-DD date. */
const dayMonthYear = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** A named period's parts (from its label "2025", "2025-Q2", "2025-06"); null for a date range. */
function namedParts(period: Period): { year: number; quarter?: number; month?: number } | null {
  const match = PERIOD_PATTERN.exec(period.label);
  if (!match) return null;
  return { year: Number(match[1]), ...(match[2] ? { quarter: Number(match[2]) } : {}), ...(match[3] ? { month: Number(match[3]) } : {}) };
}

/** "Năm 2025", "Quý II/2025", "Tháng 6/2025" at the start of a sentence; "năm 2024"… inside one. */
export function describePeriod(period: Period, locale: Locale, at: 'start' | 'inside'): string {
  const named = namedParts(period);
  const range = `${dayMonthYear(period.from)} ${locale === 'vi' ? 'đến' : 'to'} ${dayMonthYear(period.to)}`;
  if (locale === 'en') {
    if (!named) return at === 'start' ? `From ${range}` : `the period from ${range}`;
    const name = named.quarter ? `Q${named.quarter} ${named.year}` : named.month ? `${MONTHS_EN[named.month - 1]} ${named.year}` : `${named.year}`;
    return at === 'start' ? `In ${name}` : name;
  }
  if (!named) return at === 'start' ? `Từ ${range}` : `giai đoạn từ ${range}`;
  const name = named.quarter ? `quý ${ROMAN[named.quarter - 1]}/${named.year}` : named.month ? `tháng ${named.month}/${named.year}` : `năm ${named.year}`;
  return at === 'start' ? `${name[0]!.toUpperCase()}${name.slice(1)}` : name;
}

const LEVEL_GROUPS: Record<string, Text> = {
  province: { vi: 'nhóm cấp tỉnh', en: 'the provincial units' },
  district: { vi: 'nhóm cấp huyện', en: 'the district units' },
  commune: { vi: 'nhóm cấp xã', en: 'the commune units' },
  department: { vi: 'nhóm sở, ngành', en: 'the departments' },
  office: { vi: 'nhóm phòng, ban', en: 'the offices' },
};

/** A group tag as a phrase: region:Bắc Trung Bộ -> "vùng Bắc Trung Bộ" / "the Bắc Trung Bộ region". */
export function describeGroup(tag: string, locale: Locale): string {
  const separator = tag.indexOf(':');
  const kind = separator < 0 ? '' : tag.slice(0, separator);
  const value = separator < 0 ? tag : tag.slice(separator + 1);
  const names: Record<string, Text> = {
    region: { vi: `vùng ${value}`, en: `the ${value} region` },
    subregion: { vi: `tiểu vùng ${value}`, en: `the ${value} subregion` },
    level: LEVEL_GROUPS[value] ?? { vi: `nhóm ${value}`, en: `the ${value} group` },
  };
  return (names[kind] ?? { vi: `nhóm ${value}`, en: `the ${value} group` })[locale];
}

/** Change of the printed figures, as compareRankings computes it. */
export function pointChange(now: number | null, then: number | null | undefined): number | null {
  return now === null || then === null || then === undefined ? null : publishedShare(publishedShare(now) - publishedShare(then));
}

/** The report's paragraphs, in order: headline, components, weakest criteria, sample and uncertainty. */
export function writeAnalysis(input: AnalysisInput, locale: Locale): string[] {
  const { current } = input;
  const unit = locale === 'vi' ? input.unit.fullNameVi : (input.unit.nameEn ?? input.unit.fullNameVi);
  const start = describePeriod(input.period, locale, 'start');
  if (current.share === null) {
    return [locale === 'vi' ? `${start}, chưa có phiếu khảo sát hợp lệ nào của ${unit}.` : `${start}, ${unit} has no valid survey responses.`];
  }
  return [headline(input, unit, start, locale), componentsParagraph(input, locale), weakestCriteria(input, locale), sampleParagraph(input, locale)].filter(
    (paragraph): paragraph is string => paragraph !== null,
  );
}

function headline(input: AnalysisInput, unit: string, start: string, locale: Locale): string {
  const { current, previous, position } = input;
  const before = describePeriod(input.previousPeriod, locale, 'inside');
  const vi = locale === 'vi';
  let sentence = vi
    ? `${start}, Chỉ số SIPAS của ${unit} đạt ${formatShare(current.share!, locale)}`
    : `${start}, the SIPAS index of ${unit} was ${formatShare(current.share!, locale)}`;
  if (position) {
    sentence += vi ? `, xếp hạng ${formatRank(position.rank, position.of)}` : `, ranked ${formatRank(position.rank, position.of)}`;
    if (position.rankChange !== null) sentence += `, ${describeRankChange(position.rankChange, locale)} ${vi ? 'so với' : 'compared with'} ${before}`;
  } else if (current.belowMinimum) {
    sentence += vi
      ? `, chưa được xếp hạng vì số người trả lời (${counts.vi.format(current.n)}) thấp hơn mức tối thiểu ${counts.vi.format(input.minimumSample)}`
      : `, not ranked because its respondents (${counts.en.format(current.n)}) are fewer than the minimum of ${counts.en.format(input.minimumSample)}`;
  }
  const movers = componentMovers(input, locale);
  if (movers.length > 0) sentence += `; ${movers.join(', ')}`;
  const sentences = [`${sentence}.`];

  const change = pointChange(current.share, previous?.share);
  if (change !== null) {
    const then = formatShare(previous!.share!, locale);
    sentences.push(
      vi
        ? `So với ${before} (${then}), chỉ số ${describePointChange(change, locale)}.`
        : `Compared with ${before} (${then}), the index is ${describePointChange(change, locale)}.`,
    );
  }
  for (const group of position?.groupRanks ?? []) {
    const place = describeGroupRank(group.rank, group.of, describeGroup(group.group, locale), locale);
    sentences.push(vi ? `Đơn vị xếp ${place}.` : `It ranks ${place}.`);
  }
  return sentences.join(' ');
}

/** The component that fell most and the one that rose most, as "yếu tố X giảm 0,52 điểm". */
function componentMovers(input: AnalysisInput, locale: Locale): string[] {
  if (!input.previous) return [];
  const changes = input.components
    .map((component, i) => ({ component, change: pointChange(input.current.components[i]?.share ?? null, input.previous!.components[i]?.share) }))
    .filter((c): c is { component: AnalysisInput['components'][number]; change: number } => c.change !== null && c.change !== 0);
  const fell = changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change)[0];
  const rose = changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change)[0];
  return [fell, rose]
    .filter((c) => c !== undefined)
    .map(({ component, change }) =>
      locale === 'vi'
        ? `yếu tố ${component.label.vi} ${describePointChange(change, locale)}`
        : `${component.label.en} ${describePointChange(change, locale)}`,
    );
}

function componentsParagraph(input: AnalysisInput, locale: Locale): string {
  const parts = input.components.map((component, i) => {
    const share = input.current.components[i]?.share ?? null;
    const label = component.label[locale];
    if (share === null) return `${label} ${locale === 'vi' ? 'chưa có dữ liệu' : 'no data'}`;
    const change = pointChange(share, input.previous?.components[i]?.share);
    return `${label} ${formatShare(share, locale)}${change === null ? '' : ` (${describePointChange(change, locale)})`}`;
  });
  return `${locale === 'vi' ? 'Các yếu tố thành phần' : 'Components'}: ${parts.join('; ')}.`;
}

function weakestCriteria(input: AnalysisInput, locale: Locale): string | null {
  const texts = new Map(input.criteria.map((c) => [c.id, c.text[locale]]));
  const weakest = input.current.criteria
    .filter((c): c is { id: string; share: number; n: number } => c.share !== null)
    .map((c, order) => ({ ...c, order, printed: publishedShare(c.share) }))
    .sort((a, b) => a.printed - b.printed || a.order - b.order)
    .slice(0, WEAKEST);
  if (weakest.length === 0) return null;
  const list = weakest.map((c) => `“${texts.get(c.id) ?? c.id}” ${formatShare(c.share, locale)}`).join('; ');
  if (locale === 'vi') return `${weakest.length === 1 ? 'Tiêu chí có tỷ lệ hài lòng thấp nhất' : 'Các tiêu chí có tỷ lệ hài lòng thấp nhất'}: ${list}.`;
  return `${weakest.length === 1 ? 'Criterion with the lowest share satisfied' : 'Criteria with the lowest share satisfied'}: ${list}.`;
}

function sampleParagraph(input: AnalysisInput, locale: Locale): string {
  const { current } = input;
  const format = counts[locale];
  const sentences =
    locale === 'vi'
      ? [`Kết quả dựa trên ${format.format(current.respondents)} phiếu khảo sát, trong đó ${format.format(current.n)} phiếu có câu trả lời hợp lệ cho các tiêu chí`]
      : [`Based on ${format.format(current.respondents)} responses, ${format.format(current.n)} of them with valid answers to the criteria`];
  if (current.interval) {
    const [low, high] = [formatShare(current.interval.low, locale), formatShare(current.interval.high, locale)];
    sentences[0] += locale === 'vi' ? `; khoảng tin cậy 95% của chỉ số từ ${low} đến ${high}.` : `; 95% confidence interval of the index: ${low} to ${high}.`;
  } else sentences[0] += '.';
  if (current.belowMinimum) {
    sentences.push(
      locale === 'vi'
        ? `Lưu ý: số người trả lời (${format.format(current.n)}) thấp hơn mức tối thiểu ${format.format(input.minimumSample)} để xếp hạng; kết quả chỉ có giá trị tham khảo.`
        : `Note: the respondents (${format.format(current.n)}) are fewer than the minimum of ${format.format(input.minimumSample)} needed to rank; read the result as indicative only.`,
    );
  }
  if (input.derived.current || (input.derived.previous && input.previous !== null)) {
    sentences.push(
      locale === 'vi'
        ? 'Số liệu của những ngày trước khi đơn vị được thành lập theo sắp xếp đơn vị hành chính năm 2025 được tính lại từ phiếu khảo sát của các đơn vị trước sắp xếp.'
        : 'Figures for the days before the unit was formed in the 2025 reorganisation are re-computed from the responses of the units it was formed from.',
    );
  }
  return sentences.join(' ');
}
