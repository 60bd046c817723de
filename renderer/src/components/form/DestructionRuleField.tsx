import { useId } from 'react';
import { displayValue } from '../../format/display';
import { errorsWithin, fieldMessage, type DestructionRuleDraft } from '../../forms/form-model';
import type { FieldProps } from './field-props';

const ruleKinds = ['days-after-end', 'fixed-date', 'rolling'] as const;

/**
 * When the data must go: N days after the version ends (30 by default, as the domain guide
 * suggests, but set per agreement), by a fixed date, or each data year N weeks after the next arrives.
 */
export function DestructionRuleField({ spec, value, onChange, errors }: FieldProps) {
  const id = useId();
  const rule = value as DestructionRuleDraft;
  const problem = (part: string) => errorsWithin(errors, `${spec.name}.${part}`)[0]?.[1];
  const part = rule.kind === 'days-after-end' ? { name: 'days', label: 'Days after the end date', type: 'number' } : rule.kind === 'rolling' ? { name: 'weeks', label: 'Weeks after the next data year arrives', type: 'number' } : { name: 'date', label: 'Destroy by', type: 'date' };
  const error = problem(part.name) ?? problem('kind');
  return (
    <fieldset className="field group">
      <legend>{spec.label}</legend>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Rule</label>
        <select id={`${id}-kind`} value={rule.kind} onChange={(e) => onChange({ ...rule, kind: e.target.value })}>
          {ruleKinds.map((kind) => (
            <option key={kind} value={kind}>
              {displayValue(kind)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-${part.name}`}>{part.label}</label>
        <input
          id={`${id}-${part.name}`}
          type={part.type}
          inputMode={part.type === 'number' ? 'numeric' : undefined}
          min={part.type === 'number' ? 0 : undefined}
          value={rule[part.name as keyof DestructionRuleDraft]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange({ ...rule, [part.name]: e.target.value })}
        />
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {fieldMessage(part.label, error)}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
