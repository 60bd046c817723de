import type { ReactNode } from 'react';
import type { DestructionRule, RecordKind } from '../../../shared/register/records';
import { defaultDestructionNote } from '../../../shared/register/default-destruction-note';
import { describeDestructionRule, displayValue, showDate, showNumber, showText } from '../format/display';
import { visibleFields, widgetOf } from '../forms/form-model';
import { lawfulBasisFields, type FieldSpec } from '../forms/form-specs';
import { RecordLink } from './RecordLink';

type AnyRecord = Record<string, unknown>;

/**
 * A record's fields as label and value, in the order of its form, with every reference a link to
 * the record it names. `only` picks and orders a subset; `omit` leaves fields out (the parent a
 * detail screen already shows).
 */
export function FieldList({ kind, record, labels, only, omit = [] }: { kind: RecordKind; record: AnyRecord; labels: Record<string, string>; only?: readonly string[]; omit?: readonly string[] }) {
  const specs = visibleFields(kind, record);
  const chosen = only ? only.map((name) => specs.find((s) => s.name === name)).filter((s): s is FieldSpec => Boolean(s)) : specs.filter((s) => !omit.includes(s.name));
  return (
    <dl className="field-list">
      {chosen.map((spec) => (
        <div key={spec.name} className={isLong(kind, spec, record[spec.name]) ? 'wide' : undefined}>
          <dt>{spec.label}</dt>
          <dd>{renderValue(kind, spec, record[spec.name], labels, record)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Fields that get a whole row: long text that is filled in, the parties, the lawful bases. */
const isLong = (kind: RecordKind, spec: FieldSpec, value: unknown) => {
  const widget = widgetOf(kind, spec);
  if (widget.type === 'parties' || widget.type === 'lawfulBases') return true;
  return widget.type === 'text' && hasValue(value) && (Boolean(widget.multiline) || String(value).length > 40);
};

const hasValue = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

function renderValue(kind: RecordKind, spec: FieldSpec, value: unknown, labels: Record<string, string>, record: AnyRecord): ReactNode {
  const widget = widgetOf(kind, spec);
  switch (widget.type) {
    case 'date':
      return showDate(value as string | null);
    case 'number':
      return showNumber(value as number | null);
    case 'select':
      return value ? displayValue(String(value)) : '—';
    case 'checkbox':
      return value ? 'Yes' : 'No';
    case 'checkboxes':
      return (value as string[]).length ? (value as string[]).map(displayValue).join(', ') : '—';
    case 'reference':
      return <RecordLink kind={widget.kind} id={value as string | null} label={labels[value as string]} />;
    case 'references':
      return (value as string[]).length ? (
        <ul className="plain-list">
          {(value as string[]).map((id) => (
            <li key={id}>
              <RecordLink kind={widget.kind} id={id} label={labels[id]} />
            </li>
          ))}
        </ul>
      ) : (
        '—'
      );
    case 'parties':
      return (value as AnyRecord[]).length ? (
        <ul className="plain-list">
          {(value as AnyRecord[]).map((party, index) => (
            <li key={index}>
              <RecordLink kind="organisation" id={party.organisationId as string} label={labels[party.organisationId as string]} />{' '}
              <span className="muted">({[displayValue(String(party.role)), party.controllerType ? displayValue(String(party.controllerType)).toLowerCase() : null].filter(Boolean).join(', ')})</span>
            </li>
          ))}
        </ul>
      ) : (
        'None recorded'
      );
    case 'lawfulBases': {
      const bases = value as AnyRecord;
      return (
        <dl className="nested-list">
          {lawfulBasisFields.map((basis) => (
            <div key={basis.name}>
              <dt>{basis.label}</dt>
              <dd>{'date' in basis ? showDate(bases[basis.name] as string | null) : showText(bases[basis.name] as string | null)}</dd>
            </div>
          ))}
        </dl>
      );
    }
    case 'destructionRule': {
      const rule = describeDestructionRule(value as Parameters<typeof describeDestructionRule>[0]);
      // A version relying on the organisation's default says so, and that the DSFC's period is the real one.
      return record.destructionRuleIsDefault && value ? `${rule} (${defaultDestructionNote(value as DestructionRule)})` : rule;
    }
    default:
      return <span className="prewrap">{showText(value as string | null)}</span>;
  }
}
