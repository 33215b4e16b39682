import { useState } from 'react';
import { useTranslate } from '../../lib/locale-context.tsx';
import { managementStrings } from './management.strings.ts';

/** A value shown once (a code, a key) with a button that copies it; the outcome is announced. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const t = useTranslate(managementStrings);
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <div className="secret-field">
      <dt>{label}</dt>
      <dd>
        <code className="secret-field__value">{value}</code>
        <button type="button" className="button button--secondary button--small" onClick={copy}>
          {t('copy', { what: label })}
        </button>
        <span className="secret-field__outcome" role="status">
          {outcome === 'copied' ? t('copied', { what: label }) : outcome === 'failed' ? t('copyFailed') : ''}
        </span>
        {hint && <span className="field__hint">{hint}</span>}
      </dd>
    </div>
  );
}
