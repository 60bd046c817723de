import type { ReactNode } from 'react';

export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
}

/** `aria-describedby` for a control: its hint and, when there is one, its error. */
export const describedBy = (ids: FieldIds, hint: string | undefined, error: string | undefined): string | undefined =>
  [hint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean).join(' ') || undefined;

/**
 * A labelled field: label, hint, the control, and the error message right under it. "(required)" is
 * for the eye; assistive technology hears it from the control's aria-required. The control
 * gets `aria-invalid` and `aria-describedby` from the caller through `describedBy`.
 */
export function FieldShell({ ids, label, hint, error, required, children }: { ids: FieldIds; label: string; hint?: string; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="label-row">
        <label htmlFor={ids.id}>{label}</label>
        {required ? (
          <span className="required-mark" aria-hidden="true">
            (required)
          </span>
        ) : null}
      </div>
      {hint ? (
        <p className="hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={ids.errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
