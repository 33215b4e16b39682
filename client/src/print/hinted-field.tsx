import type { ReactNode } from 'react';

/** A labelled form field with a hint; the control inside sets aria-describedby="<id>-hint". */
export function HintedField({ id, label, hint, children }: { id: string; label: string; hint: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {children}
    </div>
  );
}
