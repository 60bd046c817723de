import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/audit/audit-api';
import { auditActionLabels } from '../../../../shared/audit/audit-vocabulary';
import { auditRecordName } from '../../audit/audit-diff';
import { auditKindLabel } from '../../audit/audit-kind-choices';
import { showMoment } from '../../audit/audit-value';
import { RecordLink } from '../../components/RecordLink';
import { displayValue } from '../../format/display';
import { AuditDiff } from './AuditDiff';

const actionLabel = (action: string): string => (action in auditActionLabels ? auditActionLabels[action as keyof typeof auditActionLabels] : displayValue(action));

/**
 * What an entry is about, named as the screens name it: the label main sent, else a name from the
 * record as written, else the kind of record alone. Never a bare id.
 */
function recordName(entry: AuditEntry, labels: Record<string, string>): string | null {
  if (entry.recordId === null) return null;
  // A finding is no record: its entry carries the finding's title, which is how the dashboard shows it.
  if (entry.recordKind === 'finding') return findingTitle(entry.detail) ?? entry.recordId;
  return labels[entry.recordId] ?? auditRecordName(entry.before, entry.after) ?? `this ${auditKindLabel(entry.recordKind ?? 'record').toLowerCase()}`;
}

const findingTitle = (detail: unknown): string | null =>
  detail !== null && typeof detail === 'object' && typeof (detail as { title?: unknown }).title === 'string' ? (detail as { title: string }).title : null;

/** One audit entry: when (on the user's clock, as the app writes moments), who, what, on which record, and its changes on demand. */
export function AuditEntryRow({ entry, labels }: { entry: AuditEntry; labels: Record<string, string> }) {
  const [open, setOpen] = useState(false);
  const diffId = `audit-diff-${entry.seq}`;
  const name = recordName(entry, labels);
  const kind = entry.recordKind ?? '';
  // A disclosure export is recorded against the holding whose table left: link to that holding.
  const linkKind = kind === 'disclosureTable' ? 'holding' : kind;
  return (
    <>
      <tr>
        <td className="align-end">{entry.seq}</td>
        <td>
          <time dateTime={entry.at}>{showMoment(entry.at)}</time>
        </td>
        <td>{entry.displayName ? `${entry.displayName} (${entry.osUser})` : entry.osUser}</td>
        <td>{actionLabel(entry.action)}</td>
        <td>
          {kind ? <span className="muted">{auditKindLabel(kind)} </span> : null}
          {entry.recordId && name ? <RecordLink kind={linkKind} id={entry.recordId} label={name} /> : null}
        </td>
        <td>
          <button type="button" className="small" aria-expanded={open} aria-controls={open ? diffId : undefined} onClick={() => setOpen(!open)}>
            {open ? 'Hide changes' : 'Show changes'}
            <span className="visually-hidden"> of entry {entry.seq}</span>
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="diff-row">
          <td colSpan={6}>
            <AuditDiff id={diffId} kind={entry.recordKind} before={entry.before} after={entry.after} detail={entry.detail} labels={labels} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
