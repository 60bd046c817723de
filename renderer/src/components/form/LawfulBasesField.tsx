import { useId } from 'react';
import { errorsWithin, fieldMessage } from '../../forms/form-model';
import { lawfulBasisFields } from '../../forms/form-specs';
import type { FieldProps } from './field-props';

/** A version's lawful bases: UK GDPR Articles 6 and 9, the common-law basis, and s251 support with its expiry. */
export function LawfulBasesField({ spec, value, onChange, errors }: FieldProps) {
  const id = useId();
  const bases = value as Record<string, string>;
  return (
    <fieldset className="field group">
      <legend>{spec.label}</legend>
      {lawfulBasisFields.map((basis) => {
        const error = errorsWithin(errors, `${spec.name}.${basis.name}`)[0]?.[1];
        const controlId = `${id}-${basis.name}`;
        return (
          <div className="field" key={basis.name}>
            <label htmlFor={controlId}>{basis.label}</label>
            <input
              id={controlId}
              type={'date' in basis ? 'date' : 'text'}
              value={bases[basis.name] ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${controlId}-error` : undefined}
              onChange={(e) => onChange({ ...bases, [basis.name]: e.target.value })}
            />
            {error ? (
              <p className="field-error" id={`${controlId}-error`}>
                {fieldMessage(basis.label, error)}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
