import { useId } from 'react';
import { controllerTypes, partyRoles } from '../../../../shared/register/vocabulary';
import { displayValue } from '../../format/display';
import { errorsWithin, fieldMessage, type PartyDraft } from '../../forms/form-model';
import type { FieldProps } from './field-props';
import { RecordPicker } from './RecordPicker';

const partyFieldNames: Record<string, string> = { organisationId: 'Organisation', role: 'Role', controllerType: 'Controller type' };

/**
 * The organisations a DSA version names: controllers (sole or joint) and processors, one row each.
 * A location run by an organisation missing here is a finding (OPERATOR_NOT_PARTY).
 */
export function PartiesField({ spec, value, onChange, errors, labels, rememberLabel }: FieldProps) {
  const id = useId();
  const parties = value as PartyDraft[];
  const change = (index: number, patch: Partial<PartyDraft>) => onChange(parties.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const rowErrors = (index: number) => errorsWithin(errors, `${spec.name}[${index}]`);
  const listErrors = errorsWithin(errors, spec.name).filter(([key]) => !/^\w+\[\d+\]/.test(key));
  return (
    <fieldset className="field parties" aria-describedby={listErrors.length ? `${id}-error` : undefined}>
      <legend>{spec.label}</legend>
      {parties.length === 0 ? <p className="muted">No parties yet. Add the controller first.</p> : null}
      {parties.map((party, index) => {
        const n = index + 1;
        const problems = rowErrors(index);
        const errorId = `${id}-${index}-error`;
        const invalid = (field: string) => problems.some(([key]) => key.endsWith(`.${field}`)) || undefined;
        return (
          <div className="party-row" key={index}>
            <RecordPicker
              id={`${id}-${index}-org`}
              kind="organisation"
              value={party.organisationId}
              label={labels[party.organisationId]}
              ariaLabel={`Party ${n} organisation`}
              required
              invalid={invalid('organisationId')}
              describedBy={problems.length ? errorId : undefined}
              onChange={(picked, label) => {
                if (picked) rememberLabel(picked, label);
                change(index, { organisationId: picked });
              }}
            />
            <select aria-label={`Party ${n} role`} value={party.role} onChange={(e) => change(index, { role: e.target.value })}>
              {partyRoles.map((role) => (
                <option key={role} value={role}>
                  {displayValue(role)}
                </option>
              ))}
            </select>
            {party.role === 'controller' ? (
              <select aria-label={`Party ${n} controller type`} value={party.controllerType} onChange={(e) => change(index, { controllerType: e.target.value })}>
                <option value="">Not stated</option>
                {controllerTypes.map((type) => (
                  <option key={type} value={type}>
                    {displayValue(type)}
                  </option>
                ))}
              </select>
            ) : (
              <span />
            )}
            <button type="button" onClick={() => onChange(parties.filter((_, i) => i !== index))}>
              Remove party {n}
            </button>
            {problems.length ? (
              <p className="field-error party-error" id={errorId}>
                {problems.map(([key, message]) => fieldMessage(`Party ${n} ${partyFieldNames[key.split('.').pop() ?? '']?.toLowerCase() ?? ''}`.trim(), message)).join(' ')}
              </p>
            ) : null}
          </div>
        );
      })}
      <div>
        <button type="button" onClick={() => onChange([...parties, { organisationId: '', role: parties.length ? 'processor' : 'controller', controllerType: parties.length ? '' : 'sole' }])}>
          Add party
        </button>
      </div>
      {listErrors.length ? (
        <p className="field-error" id={`${id}-error`}>
          {listErrors.map(([, message]) => fieldMessage(spec.label, message)).join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
