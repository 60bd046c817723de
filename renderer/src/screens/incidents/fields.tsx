import { useId, type ReactNode } from 'react';

/**
 * The form controls the incident panels are built from: each has a visible label, an optional hint
 * and an error message tied to the control with aria-describedby, and aria-invalid when wrong, so a
 * screen reader hears what is wrong where the person is.
 */
interface Common {
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const Hint = ({ id, text }: { id: string; text: string | undefined }) =>
  text ? (
    <p className="hint" id={`${id}-hint`}>
      {text}
    </p>
  ) : null;

const ErrorText = ({ id, text }: { id: string; text: string | undefined }) =>
  text ? (
    <p className="field-error" id={`${id}-error`}>
      {text}
    </p>
  ) : null;

function Shell({ id, label, hint, error, required, children, className }: Common & { id: string; children: ReactNode; className?: string }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required-mark"> (required)</span> : null}
      </label>
      <Hint id={id} text={hint} />
      {children}
      <ErrorText id={id} text={error} />
    </div>
  );
}

/** A fieldset whose legend is the question, with an optional hint and error, for controls that come in groups. */
export function FieldsetShell({ id, legend, hint, error, required, className, children }: { id: string; legend: string; hint?: string | undefined; error?: string | undefined; required?: boolean; className: string; children: ReactNode }) {
  return (
    <fieldset className={`field ${className}`} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend>
        {legend}
        {required ? <span className="required-mark"> (required)</span> : null}
      </legend>
      <Hint id={id} text={hint} />
      {children}
      <ErrorText id={id} text={error} />
    </fieldset>
  );
}

export function TextField({ value, onChange, maxLength = 300, type = 'text', ...common }: Common & { value: string; onChange: (v: string) => void; maxLength?: number; type?: 'text' | 'email' | 'tel' }) {
  const id = useId();
  return (
    <Shell id={id} {...common}>
      <input id={id} type={type} value={value} maxLength={maxLength} aria-invalid={common.error ? true : undefined} aria-describedby={describedBy(id, common.hint, common.error)} onChange={(e) => onChange(e.target.value)} />
    </Shell>
  );
}

export function TextAreaField({ value, onChange, rows = 3, maxLength = 20000, ...common }: Common & { value: string; onChange: (v: string) => void; rows?: number; maxLength?: number }) {
  const id = useId();
  return (
    <Shell id={id} {...common}>
      <textarea id={id} rows={rows} value={value} maxLength={maxLength} aria-invalid={common.error ? true : undefined} aria-describedby={describedBy(id, common.hint, common.error)} onChange={(e) => onChange(e.target.value)} />
    </Shell>
  );
}

export function NumberField({ value, onChange, ...common }: Common & { value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <Shell id={id} {...common}>
      <input id={id} inputMode="numeric" value={value} aria-invalid={common.error ? true : undefined} aria-describedby={describedBy(id, common.hint, common.error)} onChange={(e) => onChange(e.target.value)} />
    </Shell>
  );
}

export function SelectField<T extends string>({ value, onChange, options, placeholder, ...common }: Common & { value: T | ''; onChange: (v: T | '') => void; options: readonly { value: T; label: string }[]; placeholder?: string }) {
  const id = useId();
  return (
    <Shell id={id} {...common}>
      <select id={id} value={value} aria-invalid={common.error ? true : undefined} aria-describedby={describedBy(id, common.hint, common.error)} onChange={(e) => onChange(e.target.value as T | '')}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A group of checkboxes in a fieldset whose legend is the question. */
export function CheckboxGroup<T extends string>({ legend, options, value, onChange, hint, error, highlight }: { legend: string; options: readonly { value: T; label: string }[]; value: readonly T[]; onChange: (v: T[]) => void; hint?: string; error?: string | undefined; highlight?: readonly T[] }) {
  const id = useId();
  return (
    <FieldsetShell id={id} legend={legend} hint={hint} error={error} className="checkbox-group">
      <div className="checkbox-options">
        {options.map((o) => (
          <label key={o.value} className={highlight?.includes(o.value) ? 'checkbox highlighted' : 'checkbox'}>
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))} /> {o.label}
          </label>
        ))}
      </div>
    </FieldsetShell>
  );
}

/** Two or more radio buttons in a fieldset whose legend is the question. */
export function RadioGroup<T extends string>({ legend, options, value, onChange, error }: { legend: string; options: readonly { value: T; label: string }[]; value: T | null; onChange: (v: T) => void; error?: string | undefined }) {
  const name = useId();
  return (
    <FieldsetShell id={name} legend={legend} error={error} className="radio-group">
      <div className="checkbox-options">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} /> {o.label}
          </label>
        ))}
      </div>
    </FieldsetShell>
  );
}

/**
 * Splits zod's issues into one message per field path ("becameAwareAt.timeZone"), the first for
 * each. The shared schemas word messages to follow a field's name ("is required"); shown under the
 * field they read "This field is required".
 */
export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= /^(is|must|lists|repeats|needs) /.test(issue.message) ? `This field ${issue.message}` : issue.message;
  }
  return errors;
}
