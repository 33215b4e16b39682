import { useId, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';
import { unitName } from '../../lib/i18n.ts';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { useSession } from '../auth/session-store.ts';
import { useUnits } from '../units.api.ts';
import { managementStrings } from './management.strings.ts';

/**
 * The unit whose subtree a management page shows, kept in `?unit=` so a link can be shared; without it,
 * the unit of the signed-in user's first role ('' for a system administrator, who picks one).
 */
export function useScopedUnit(): [string, (code: string) => void] {
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const fromRole = session.status === 'signed-in' ? (session.me.roles.find((role) => role.unit)?.unit?.code ?? '') : '';
  const unit = params.get('unit') ?? fromRole;
  const setUnit = (code: string) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      out.set('unit', code);
      return out;
    });
  return [unit, setUnit];
}

/** The unit code field above a list: type a code (provinces are suggested) and show its subtree. */
export function UnitScopeForm({ unit, onChange }: { unit: string; onChange: (code: string) => void }) {
  const t = useTranslate(managementStrings);
  const { locale } = useLocale();
  const id = useId();
  const provinces = useUnits();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('unit') ?? '').trim();
    if (code) onChange(code);
  };
  return (
    <form className="admin-controls" role="search" aria-label={t('unitLabel')} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('unitLabel')}</label>
        <input
          id={`${id}-unit`}
          name="unit"
          key={unit}
          defaultValue={unit}
          list={`${id}-units`}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          pattern="[0-9A-Za-z._\-]{1,32}"
          required
        />
        <span className="field__hint" id={`${id}-hint`}>
          {t('unitHint')}
        </span>
        <datalist id={`${id}-units`} aria-label={t('unitSuggestions')}>
          {provinces.status === 'success' &&
            provinces.data.units.map((u) => (
              <option key={u.code} value={u.code}>
                {unitName(u, locale)}
              </option>
            ))}
        </datalist>
      </div>
      <button type="submit" className="button button--secondary">
        {t('unitShow')}
      </button>
    </form>
  );
}
