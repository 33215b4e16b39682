import { useState } from 'react';
import { Link } from 'wouter';
import type { ResultsResponse } from '@sipas/server/api/results';
import { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { isNotFound } from '../lib/api.ts';
import { formatDateTime } from '../lib/format-date.ts';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { localize, unitName } from '../lib/i18n.ts';
import { LoadError, Loading } from '../lib/load-error.tsx';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { useSurveyDefinition } from '../lib/survey-definition.api.ts';
import { adminStrings, methodLabel } from './admin.strings.ts';
import { useResults } from './results.api.ts';
import { SurveyPicker, surveyQuery, useSurveyKey } from './survey-picker.tsx';

type Component = ResultsResponse['components'][number];

export function UnitResultsPage({ code }: { code: string }) {
  const t = useTranslate(adminStrings);
  const [surveyKey] = useSurveyKey();
  const results = useResults(surveyKey, code);
  const back = (
    <p className="back-link">
      <Link href={`/${surveyQuery(surveyKey)}`}>
        <span aria-hidden="true">←</span>
        {t('backToUnits')}
      </Link>
    </p>
  );

  if (results.status === 'loading') {
    return (
      <div className="page page--wide admin">
        {back}
        <Loading />
      </div>
    );
  }
  if (results.status === 'error') {
    return (
      <div className="page page--wide admin">
        {back}
        {isNotFound(results.error) || code === '' ? (
          <>
            <title>{t('unknownUnit')}</title>
            <h1>{t('unknownUnit')}</h1>
            <p>{t('unknownUnitText')}</p>
          </>
        ) : (
          <LoadError error={results.error} onRetry={results.reload} />
        )}
      </div>
    );
  }
  return (
    <div className="page page--wide admin">
      {back}
      <ResultsView results={results.data} surveyKey={surveyKey} />
    </div>
  );
}

function ResultsView({ results, surveyKey }: { results: ResultsResponse; surveyKey: string }) {
  const t = useTranslate(adminStrings);
  const { locale } = useLocale();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [retrievedAt] = useState(() => new Date());
  // The threshold below which a unit is too small to rank is part of the survey's scoring spec.
  const definition = useSurveyDefinition(surveyKey, SurveyDefinition);
  const minSample = definition.status === 'success' ? definition.data.scoring.minSampleToRank : null;

  const name = unitName(results.unit, locale);
  const allExpanded = results.components.length > 0 && results.components.every((c) => expanded.has(c.id));
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <title>{`${name} – ${t('title')}`}</title>
      <h1>
        {name} <span className="unit-code">({results.unit.code})</span>
      </h1>
      <p className="lead">
        {localize(results.survey.title, locale)} · v{results.survey.version}
      </p>
      <div className="admin-controls">
        <SurveyPicker />
      </div>

      <dl className="stats">
        <div className="stat stat--primary">
          <dt>{t('overall')}</dt>
          <dd className="stat__value">{formatPercent(results.overall.share)}</dd>
          <dd className="stat__note">{t('overallHint', { method: methodLabel(results.overall.method, t) })}</dd>
        </div>
        <div className="stat">
          <dt>{t('responses')}</dt>
          <dd className="stat__value">{formatNumber(results.responses)}</dd>
          <dd className="stat__note">{t('retrieved', { time: formatDateTime(retrievedAt) })}</dd>
        </div>
      </dl>

      {results.responses === 0 && <p className="notice">{t('noData')}</p>}
      {results.responses > 0 && minSample !== null && results.responses < minSample && (
        <p className="notice notice--warning">{t('smallSample', { n: formatNumber(results.responses) })}</p>
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
      <div className="table-scroll" role="region" aria-labelledby="components-caption" tabIndex={0}>
        <table className="data-table results-table">
          <caption id="components-caption">{t('componentsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colComponent')}</th>
              <th scope="col" className="num">
                {t('colShare')}
              </th>
              <th scope="col" className="num">
                {t('colN')}
              </th>
            </tr>
          </thead>
          {results.components.map((component) => (
            <ComponentRows
              key={component.id}
              component={component}
              expanded={expanded.has(component.id)}
              onToggle={() => toggle(component.id)}
            />
          ))}
        </table>
      </div>
    </>
  );
}

function ShareCell({ share }: { share: number | null }) {
  return (
    <td className="num share-cell">
      <span className="share-cell__value">{formatPercent(share)}</span>
      <span className="share-bar" aria-hidden="true">
        <span className="share-bar__fill" style={{ width: `${share ?? 0}%` }} />
      </span>
    </td>
  );
}

function ComponentRows({
  component,
  expanded,
  onToggle,
}: {
  component: Component;
  expanded: boolean;
  onToggle: () => void;
}) {
  const t = useTranslate(adminStrings);
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
        <td className="num">{formatNumber(component.n)}</td>
      </tr>
      {expanded &&
        component.criteria.map((criterion, index) => (
            <tr key={criterion.id} id={rowIds[index]} className="criterion__row">
              <th scope="row">
                <span className="criterion__text">{localize(criterion.text, locale)}</span>
                <span className="criterion__detail">
                  {t('satisfiedOf', { satisfied: formatNumber(criterion.satisfied), n: formatNumber(criterion.n) })}
                </span>
              </th>
              <ShareCell share={criterion.share} />
              <td className="num">{formatNumber(criterion.n)}</td>
            </tr>
        ))}
    </tbody>
  );
}
