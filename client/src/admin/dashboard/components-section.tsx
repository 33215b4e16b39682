import { useState } from 'react';
import { localize } from '../../lib/i18n.ts';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { formatCount, formatInterval, formatShare } from '../format.ts';
import { PointChange } from './change.tsx';
import { dashboardStrings } from './dashboard.strings.ts';
import type { UnitResults } from './results.api.ts';
import { weakestCriteria } from './weakest.ts';
import { ScrollTable } from '../scroll-table.tsx';

type Component = UnitResults['components'][number];

/** The weakest criteria, then every factor with its criteria on demand (the weakest marked in words too). */
export function ComponentsSection({ results }: { results: UnitResults }) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const criteria = results.components.flatMap((c) => c.criteria);
  const weakest = weakestCriteria(criteria);
  const allExpanded = results.components.length > 0 && results.components.every((c) => expanded.has(c.id));
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="components-caption">
      {weakest.size > 0 && (
        <div className="weakest">
          <h2>{t('weakestHeading')}</h2>
          <p>{t('weakestIntro')}</p>
          <ol className="weakest__list">
            {criteria
              .filter((c) => weakest.has(c.id))
              .sort((a, b) => (a.share ?? 0) - (b.share ?? 0))
              .map((criterion) => (
                <li key={criterion.id}>
                  <span className="weakest__share">{formatShare(criterion.share, locale)}</span> {localize(criterion.text, locale)}
                </li>
              ))}
          </ol>
        </div>
      )}
      <div className="table-toolbar">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setExpanded(allExpanded ? new Set() : new Set(results.components.map((c) => c.id)))}
        >
          {allExpanded ? t('collapseAll') : t('expandAll')}
        </button>
      </div>
      <ScrollTable caption={t('componentsCaption')} className="results-table">
        <thead>
          <tr>
            <th scope="col">{t('colComponent')}</th>
            <th scope="col" className="num">
              {t('colShare')}
            </th>
            <th scope="col" className="num col-interval">
              {t('colInterval')}
            </th>
            <th scope="col" className="num">
              {t('colN')}
            </th>
            <th scope="col">{t('colChange')}</th>
          </tr>
        </thead>
        {results.components.map((component) => (
          <ComponentRows
            key={component.id}
            component={component}
            weakest={weakest}
            expanded={expanded.has(component.id)}
            onToggle={() => toggle(component.id)}
          />
        ))}
      </ScrollTable>
    </section>
  );
}

function ShareCell({ share }: { share: number | null }) {
  const { locale } = useLocale();
  return (
    <td className="num share-cell">
      <span className="share-cell__value">{formatShare(share, locale)}</span>
      <span className="share-bar" aria-hidden="true">
        <span className="share-bar__fill" style={{ width: `${share ?? 0}%` }} />
      </span>
    </td>
  );
}

function ComponentRows({
  component,
  weakest,
  expanded,
  onToggle,
}: {
  component: Component;
  weakest: ReadonlySet<string>;
  expanded: boolean;
  onToggle: () => void;
}) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const label = localize(component.label, locale);
  const rowIds = component.criteria.map((c) => `criterion-${component.id}-${c.id}`);
  return (
    <tbody className={expanded ? 'component component--open' : 'component'}>
      <tr className="component__row">
        <th scope="row">
          <button
            type="button"
            className="expand-button"
            aria-expanded={expanded}
            aria-controls={expanded ? rowIds.join(' ') : undefined}
            title={expanded ? t('hideCriteria', { name: label }) : t('showCriteria', { name: label })}
            onClick={onToggle}
          >
            <span className="expand-button__icon" aria-hidden="true">
              {expanded ? '−' : '+'}
            </span>
            {label}
          </button>
        </th>
        <ShareCell share={component.share} />
        <td className="num col-interval">{formatInterval(component.interval, locale)}</td>
        <td className="num">{formatCount(component.n, locale)}</td>
        <td>
          <PointChange change={component.change} />
        </td>
      </tr>
      {expanded &&
        component.criteria.map((criterion, index) => {
          const isWeak = weakest.has(criterion.id);
          return (
            <tr key={criterion.id} id={rowIds[index]} className={isWeak ? 'criterion__row criterion__row--weak' : 'criterion__row'}>
              <th scope="row">
                <span className="criterion__text">
                  {localize(criterion.text, locale)}
                  {isWeak && <span className="weak-badge">{t('weakest')}</span>}
                </span>
                <span className="criterion__detail">
                  {t('satisfiedOf', { satisfied: formatCount(criterion.satisfied, locale), n: formatCount(criterion.n, locale) })}
                </span>
              </th>
              <ShareCell share={criterion.share} />
              <td className="num col-interval">{formatInterval(criterion.interval, locale)}</td>
              <td className="num">{formatCount(criterion.n, locale)}</td>
              <td>
                <PointChange change={criterion.change} />
              </td>
            </tr>
          );
        })}
    </tbody>
  );
}
