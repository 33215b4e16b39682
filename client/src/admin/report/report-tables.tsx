import type { AnalysisResponse } from '@sipas/server/api/reports';
import type { ReactNode } from 'react';
import { localize } from '../../lib/i18n.ts';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { PointChange, RankChange } from '../dashboard/change.tsx';
import { groupLabel } from '../dashboard/group-label.ts';
import { weakestCriteria } from '../dashboard/weakest.ts';
import { formatCount, formatInterval, formatRank, formatShare } from '../format.ts';
import { ScrollTable } from '../scroll-table.tsx';
import { reportStrings } from './report.strings.ts';

type Tables = AnalysisResponse['tables'];

/** One table of the report; on paper each starts on a new page. */
function ReportTable({ id, caption, head, children }: { id: string; caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <section className="report__table" aria-labelledby={id}>
      <ScrollTable caption={caption} captionId={id}>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </ScrollTable>
    </section>
  );
}

export function OverallTable({ tables, previousLabel }: { tables: Tables; previousLabel: string }) {
  const t = useTranslate(reportStrings);
  const { locale } = useLocale();
  const { overall, position } = tables;
  const row = (label: string, value: ReactNode) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td className="num">{value}</td>
    </tr>
  );
  const notRanked =
    tables.unrankedReason === 'no-score' ? t('notRankedNoScore') : t('notRanked', { min: formatCount(overall.minimumSample, locale) });
  return (
    <ReportTable
      id="report-overall"
      caption={t('overallCaption')}
      head={
        <tr>
          <th scope="col">{t('colFigure')}</th>
          <th scope="col" className="num">
            {t('colValue')}
          </th>
        </tr>
      }
    >
      {row(t('rowShare'), formatShare(overall.share, locale))}
      {row(t('rowPreviousShare', { period: previousLabel }), formatShare(overall.previousShare, locale))}
      {row(t('rowPointChange'), <PointChange change={overall.pointChange} />)}
      {row(t('rowInterval'), formatInterval(overall.interval, locale))}
      {row(t('rowRespondents'), formatCount(overall.respondents, locale))}
      {row(t('rowValidRespondents'), formatCount(overall.n, locale))}
      {row(t('rowRank'), position ? formatRank(position.rank, position.of) : notRanked)}
      {position && row(t('rowRankChange'), <RankChange change={position.rankChange} />)}
      {position?.groupRanks.map((group) =>
        row(`${t('rowGroupRank')}: ${groupLabel(group.group, locale)}`, formatRank(group.rank, group.of)),
      )}
    </ReportTable>
  );
}

function ComparedHead({ first }: { first: string[] }) {
  const t = useTranslate(reportStrings);
  return (
    <tr>
      {first.map((label) => (
        <th key={label} scope="col">
          {label}
        </th>
      ))}
      <th scope="col" className="num">
        {t('colShare')}
      </th>
      <th scope="col" className="num">
        {t('colPrevious')}
      </th>
      <th scope="col">{t('colChange')}</th>
      <th scope="col" className="num">
        {t('colN')}
      </th>
    </tr>
  );
}

type Compared = { share: number | null; previousShare: number | null; pointChange: number | null; n: number };

function ComparedCells({ figures }: { figures: Compared }) {
  const { locale } = useLocale();
  return (
    <>
      <td className="num">{formatShare(figures.share, locale)}</td>
      <td className="num">{formatShare(figures.previousShare, locale)}</td>
      <td>
        <PointChange change={figures.pointChange} />
      </td>
      <td className="num">{formatCount(figures.n, locale)}</td>
    </>
  );
}

export function ComponentsTable({ tables }: { tables: Tables }) {
  const t = useTranslate(reportStrings);
  const { locale } = useLocale();
  return (
    <ReportTable id="report-components" caption={t('componentsCaption')} head={<ComparedHead first={[t('colComponent')]} />}>
      {tables.components.map((component) => (
        <tr key={component.id}>
          <th scope="row">{localize(component.label, locale)}</th>
          <ComparedCells figures={component} />
        </tr>
      ))}
    </ReportTable>
  );
}

export function CriteriaTable({ tables }: { tables: Tables }) {
  const t = useTranslate(reportStrings);
  const { locale } = useLocale();
  const weakest = weakestCriteria(tables.criteria);
  const componentLabel = new Map(tables.components.map((c) => [c.id, localize(c.label, locale)]));
  return (
    <ReportTable id="report-criteria" caption={t('criteriaCaption')} head={<ComparedHead first={[t('colCriterion'), t('colComponent')]} />}>
      {tables.criteria.map((criterion) => (
        <tr key={criterion.id} className={weakest.has(criterion.id) ? 'criterion__row--weak' : undefined}>
          <th scope="row">
            {localize(criterion.text, locale)}
            {weakest.has(criterion.id) && <span className="weak-badge">{t('weakest')}</span>}
          </th>
          <td>{componentLabel.get(criterion.componentId) ?? criterion.componentId}</td>
          <ComparedCells figures={criterion} />
        </tr>
      ))}
    </ReportTable>
  );
}
