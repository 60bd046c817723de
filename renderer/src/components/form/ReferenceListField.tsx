import { useId } from 'react';
import { kindNouns } from '../../format/display';
import { errorsWithin, fieldMessage } from '../../forms/form-model';
import type { FieldProps } from './field-props';
import { RecordPicker } from './RecordPicker';

/** Several records chosen one by one (the locations an ISO 27001 certificate covers). */
export function ReferenceListField({ spec, value, onChange, errors, labels, rememberLabel }: FieldProps) {
  const id = useId();
  if (spec.widget?.type !== 'references') return null;
  const { kind } = spec.widget;
  const chosen = value as string[];
  const problems = errorsWithin(errors, spec.name);
  return (
    <fieldset className="field" aria-describedby={problems.length ? `${id}-error` : undefined}>
      <legend>{spec.label}</legend>
      {spec.hint ? <p className="hint">{spec.hint}</p> : null}
      {chosen.length ? (
        <ul className="chips">
          {chosen.map((chosenId) => (
            <li key={chosenId}>
              {labels[chosenId] ?? chosenId}
              <button type="button" className="chip-remove" aria-label={`Remove ${labels[chosenId] ?? chosenId}`} onClick={() => onChange(chosen.filter((c) => c !== chosenId))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet.</p>
      )}
      <RecordPicker
        id={id}
        kind={kind}
        value=""
        label=""
        ariaLabel={`Add a ${kindNouns[kind]} to ${spec.label.toLowerCase()}`}
        onChange={(picked, label) => {
          if (!picked || chosen.includes(picked)) return;
          rememberLabel(picked, label);
          onChange([...chosen, picked]);
        }}
      />
      {problems.length ? (
        <p className="field-error" id={`${id}-error`}>
          {problems.map(([, message]) => fieldMessage(spec.label, message)).join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
