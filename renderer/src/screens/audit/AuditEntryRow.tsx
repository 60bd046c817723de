import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/audit/audit-api';
import { localIsoDate } from '../../../../shared/register/local-date';
import { auditRecordName } from '../../audit/audit-diff';
import { RecordLink } from '../../components/RecordLink';
import { capitalise, displayValue, kindNouns, showDate } from '../../format/display';
import { isRecordKind } from '../../navigation/record-route';
import { AuditDiff } from './AuditDiff';

const time = (at: string) => {
  const moment = new Date(at);
  return `${showDate(localIsoDate(moment))}, ${moment.toLocaleTimeString('en-GB')}`;
};

/** One audit entry: when, who, what, on which record, and its changes on demand. */
export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const diffId = `audit-diff-${entry.seq}`;
  const name = auditRecordName(entry.before, entry.after);
  const kind = entry.recordKind ?? '';
  return (
    <>
      <tr>
        <td className="align-end">{entry.seq}</td>
        <td>
          <time dateTime={entry.at}>{time(entry.at)}</time>
        </td>
        <td>{entry.displayName ? `${entry.displayName} (${entry.osUser})` : entry.osUser}</td>
        <td>{displayValue(entry.action)}</td>
        <td>
          {kind ? <span className="muted">{isRecordKind(kind) ? capitalise(kindNouns[kind]) : kind} </span> : null}
          {entry.recordId ? <RecordLink kind={kind} id={entry.recordId} label={name ?? entry.recordId} /> : null}
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
            <AuditDiff id={diffId} kind={entry.recordKind} before={entry.before} after={entry.after} detail={entry.detail} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
