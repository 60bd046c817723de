import { useId } from 'react';
import { displayValue } from '../../format/display';
import { choicesOf, errorsWithin, fieldMessage } from '../../forms/form-model';
import type { FieldProps } from './field-props';

/** A list of choices from a vocabulary (an organisation's roles), as a group of checkboxes. */
export function CheckboxGroupField({ kind, spec, value, onChange, errors }: FieldProps) {
  const id = useId();
  const chosen = value as string[];
  const error = errorsWithin(errors, spec.name)[0]?.[1];
  return (
    <fieldset className="field checkbox-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{spec.label}</legend>
      {spec.hint ? <p className="hint">{spec.hint}</p> : null}
      {choicesOf(kind, spec.name).map((choice) => (
        <label key={choice} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(choice)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, choice] : chosen.filter((c) => c !== choice))}
          />
          {displayValue(choice)}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {fieldMessage(spec.label, error)}
        </p>
      ) : null}
    </fieldset>
  );
}
