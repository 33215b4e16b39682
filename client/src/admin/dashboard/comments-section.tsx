import { useId, useState, type FormEvent } from 'react';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { formatCount, formatDay, formatShare } from '../format.ts';
import { useComments, type CommentFilters, type ResponseScope } from './breakdowns.api.ts';
import { dashboardStrings } from './dashboard.strings.ts';

/** A respondent with half or more of their valid answers satisfied counts as satisfied (the API's `satisfied`). */
const SATISFIED_FROM = 50;

/**
 * Citizens' comments, searchable and filterable by sub-unit and satisfaction. Comments are shown as React
 * text only: whatever a respondent typed (HTML, scripts) is displayed, never interpreted.
 */
export function CommentsSection({ scope, subUnits }: { scope: ResponseScope; subUnits: Array<{ code: string; name: string }> }) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const searchId = useId();
  const unitId = useId();
  const satisfiedId = useId();
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<CommentFilters>({ q: '', unitCode: '', satisfied: '', page: 1 });
  const comments = useComments(scope, filters);
  const change = (next: Partial<CommentFilters>) => setFilters((prev) => ({ ...prev, page: 1, ...next }));
  const search = (event: FormEvent) => {
    event.preventDefault();
    change({ q: draft });
  };
  const pages = comments.status === 'success' ? Math.max(1, Math.ceil(comments.data.total / comments.data.pageSize)) : 1;

  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('commentsHeading')}</h2>
      <form className="admin-controls comments-filters" role="search" onSubmit={search}>
        <div className="field">
          <label htmlFor={searchId}>{t('commentsSearch')}</label>
          <div className="search-row">
            <input id={searchId} type="search" value={draft} onChange={(event) => setDraft(event.target.value)} autoComplete="off" />
            <button type="submit" className="button button--small">
              {t('commentsSubmit')}
            </button>
          </div>
        </div>
        {subUnits.length > 0 && (
          <div className="field">
            <label htmlFor={unitId}>{t('commentsUnit')}</label>
            <select id={unitId} value={filters.unitCode} onChange={(event) => change({ unitCode: event.target.value })}>
              <option value="">{t('commentsAllUnits')}</option>
              {subUnits.map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={satisfiedId}>{t('commentsSatisfied')}</label>
          <select
            id={satisfiedId}
            value={filters.satisfied}
            onChange={(event) => change({ satisfied: event.target.value as CommentFilters['satisfied'] })}
          >
            <option value="">{t('commentsAny')}</option>
            <option value="true">{t('commentsYes')}</option>
            <option value="false">{t('commentsNo')}</option>
          </select>
        </div>
      </form>

      {comments.status === 'loading' && <Loading />}
      {comments.status === 'error' && <LoadError error={comments.error} onRetry={comments.reload} />}
      {comments.status === 'success' && (
        <>
          <p className="section-note" role="status">
            {t('commentsCount', { count: formatCount(comments.data.total, locale) })}
          </p>
          {comments.data.comments.length === 0 ? (
            <p>{t('commentsNone')}</p>
          ) : (
            <ul className="comments">
              {comments.data.comments.map((comment) => (
                <li key={`${comment.responseId}:${comment.questionId}`} className="comment">
                  <p className="comment__text">{comment.text}</p>
                  <p className="comment__meta">
                    {formatDay(comment.date)} · {comment.unitName} ·{' '}
                    {comment.share === null ? (
                      t('commentUnknown')
                    ) : (
                      <>
                        <span className={comment.share >= SATISFIED_FROM ? 'flag flag--satisfied' : 'flag flag--unsatisfied'}>
                          {comment.share >= SATISFIED_FROM ? t('commentSatisfied') : t('commentNotSatisfied')}
                        </span>{' '}
                        ({t('commentShare', { share: formatShare(comment.share, locale, 0) })})
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label={t('pageOf', { page: comments.data.page, pages })}>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={filters.page <= 1}
                onClick={() => setFilters((prev) => ({ ...prev, page: prev.page - 1 }))}
              >
                {t('previousPage')}
              </button>
              <span>{t('pageOf', { page: comments.data.page, pages })}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={filters.page >= pages}
                onClick={() => setFilters((prev) => ({ ...prev, page: prev.page + 1 }))}
              >
                {t('nextPage')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
