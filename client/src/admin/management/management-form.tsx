import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { commonStrings } from '../../lib/i18n.ts';
import { useTranslate } from '../../lib/locale-context.tsx';
import { ErrorNotice } from '../error-notice.tsx';
import { actionErrorText } from './action-error.ts';
import { managementStrings } from './management.strings.ts';

interface ManagementFormProps {
  title: string;
  submitLabel: string;
  /** Sends the form; the form is cleared when it resolves, and what went wrong is shown when it throws. */
  onSubmit: (data: FormData) => Promise<void>;
  children: ReactNode;
}

/** A titled form of the management pages: one submit button, busy while sending, the failure under it. */
export function ManagementForm({ title, submitLabel, onSubmit, children }: ManagementFormProps) {
  const t = useTranslate(managementStrings);
  const tc = useTranslate(commonStrings);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError('');
    try {
      await onSubmit(new FormData(form));
      form.reset();
    } catch (caught) {
      setError(actionErrorText(caught, t, tc));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="management-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <form onSubmit={(event) => void submit(event)} className="admin-controls">
        {children}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('working') : submitLabel}
        </button>
      </form>
      <ErrorNotice message={error} />
    </section>
  );
}

type HintedFieldProps = { name: string; label: string; hint: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>;

/** A labelled input with its hint read out with it (aria-describedby). */
export function HintedField({ name, label, hint, ...input }: HintedFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input id={`${id}-input`} name={name} aria-describedby={`${id}-hint`} {...input} />
      <span className="field__hint" id={`${id}-hint`}>
        {hint}
      </span>
    </div>
  );
}

/** The text of a form field, trimmed ('' when absent). */
export const fieldText = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
