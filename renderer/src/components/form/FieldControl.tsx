import { useId } from 'react';
import { displayValue } from '../../format/display';
import { choicesOf, errorsWithin, fieldMessage, isRequired, widgetOf } from '../../forms/form-model';
import { CheckboxGroupField } from './CheckboxGroupField';
import { DestructionRuleField } from './DestructionRuleField';
import type { FieldProps } from './field-props';
import { describedBy, FieldShell } from './FieldShell';
import { LawfulBasesField } from './LawfulBasesField';
import { PartiesField } from './PartiesField';
import { RecordPicker } from './RecordPicker';
import { ReferenceListField } from './ReferenceListField';

/** One field of a record form, drawn as its widget says, with its message when it has one. */
export function FieldControl(props: FieldProps) {
  const { kind, spec, draft, value, onChange, errors, labels, rememberLabel } = props;
  const base = useId();
  const ids = { id: `${base}-input`, hintId: `${base}-hint`, errorId: `${base}-error` };
  const widget = widgetOf(kind, spec);
  const required = isRequired(kind, spec.name);
  const raw = errorsWithin(errors, spec.name)[0]?.[1];
  const error = raw === undefined ? undefined : fieldMessage(spec.label, raw);
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(ids, spec.hint, error), 'aria-required': required || undefined };

  switch (widget.type) {
    case 'checkboxes':
      return <CheckboxGroupField {...props} />;
    case 'references':
      return <ReferenceListField {...props} />;
    case 'parties':
      return <PartiesField {...props} />;
    case 'lawfulBases':
      return <LawfulBasesField {...props} />;
    case 'destructionRule':
      return <DestructionRuleField {...props} />;
    case 'checkbox':
      return (
        <div className="field field-check">
          <label className="check">
            <input id={ids.id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} {...aria} />
            {spec.label}
          </label>
          {spec.hint ? <p className="hint" id={ids.hintId}>{spec.hint}</p> : null}
          {error ? <p className="field-error" id={ids.errorId}>{error}</p> : null}
        </div>
      );
    default:
      break;
  }

  const text = String(value ?? '');
  let control;
  if (widget.type === 'select') {
    control = (
      <select id={ids.id} value={text} onChange={(e) => onChange(e.target.value)} {...aria}>
        {required && text !== '' ? null : <option value="">{required ? 'Choose…' : 'Not recorded'}</option>}
        {choicesOf(kind, spec.name).map((choice) => (
          <option key={choice} value={choice}>
            {displayValue(choice)}
          </option>
        ))}
      </select>
    );
  } else if (widget.type === 'reference') {
    control = (
      <RecordPicker
        id={ids.id}
        kind={widget.kind}
        value={text}
        label={text ? (labels[text] ?? text) : ''}
        filters={widget.filters?.(draft)}
        required={required}
        invalid={Boolean(error)}
        describedBy={aria['aria-describedby']}
        onChange={(picked, label) => {
          if (picked) rememberLabel(picked, label);
          onChange(picked);
        }}
      />
    );
  } else if (widget.type === 'text' && widget.multiline) {
    control = <textarea id={ids.id} rows={3} value={text} onChange={(e) => onChange(e.target.value)} {...aria} />;
  } else {
    const suggestions = widget.type === 'text' ? widget.suggestions : undefined;
    control = (
      <>
        <input
          id={ids.id}
          type={widget.type === 'date' ? 'date' : 'text'}
          inputMode={widget.type === 'number' ? 'numeric' : undefined}
          list={suggestions ? `${base}-suggestions` : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
        {suggestions ? (
          <datalist id={`${base}-suggestions`}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        ) : null}
      </>
    );
  }
  return (
    <FieldShell ids={ids} label={spec.label} hint={spec.hint} error={error} required={required}>
      {control}
    </FieldShell>
  );
}
