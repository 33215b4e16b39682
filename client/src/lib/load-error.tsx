import { ApiRequestError, NetworkError } from './api.ts';
import { commonStrings } from './i18n.ts';
import { useTranslate } from './locale-context.tsx';

/** A failed load with a retry button; network failures get their own, actionable wording. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useTranslate(commonStrings);
  const message = error instanceof NetworkError ? t('networkError') : t('loadError');
  const detail = error instanceof ApiRequestError && error.status >= 500 ? ` (HTTP ${error.status})` : '';
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {message}
        {detail}
      </p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}

export function Loading() {
  const t = useTranslate(commonStrings);
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}
