import type { RegisterConnection } from '../db/register-connection';
import type { AuditEntry } from '../../shared/audit/audit-api';
import { recordKinds, type RecordKind } from '../../shared/register/records';
import { prepared } from '../db/statement-cache';
import { labelsFor } from './register-list';

type AnyRecord = Record<string, unknown> & { id: string };
const isRecordKind = (kind: string | null): kind is RecordKind => kind !== null && (recordKinds as readonly string[]).includes(kind);

/**
 * The names the screens give the records a page of audit entries is about, and the records their
 * before and after refer to (a copy's holding and location…), by id: the Audit log shows
 * "Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault", never a bare id. Labels are the
 * lists' own (list-specs.ts, as today: records are archived, never deleted, so each still has one);
 * an incident is named "INC-2026-001: title" as its page heads it; a disclosure export is recorded
 * against the holding whose table left.
 */
export function auditLabels(db: RegisterConnection, entries: readonly AuditEntry[]): Record<string, string> {
  const byKind = new Map<RecordKind, AnyRecord[]>();
  const incidentIds = new Set<string>();
  const add = (kind: RecordKind, record: AnyRecord) => {
    const list = byKind.get(kind);
    if (list) list.push(record);
    else byKind.set(kind, [record]);
  };
  for (const entry of entries) {
    if (entry.recordId === null) continue;
    if (entry.recordKind === 'incident') incidentIds.add(entry.recordId);
    else if (entry.recordKind === 'disclosureTable') add('holding', { id: entry.recordId });
    else if (isRecordKind(entry.recordKind)) {
      // The record as written, for its references, when the entry holds it (a destruction entry on a copy holds the destruction instead).
      for (const snapshot of [entry.before, entry.after]) {
        const record = snapshot as AnyRecord | null;
        add(entry.recordKind, record !== null && typeof record === 'object' && record.id === entry.recordId ? record : { id: entry.recordId });
      }
    }
  }
  const labels: Record<string, string> = {};
  for (const [kind, records] of byKind) Object.assign(labels, labelsFor(db, kind, records, true));
  if (incidentIds.size > 0) {
    const ids = [...incidentIds];
    const rows = prepared(db, `SELECT id, reference || ': ' || title FROM incidents WHERE id IN (${ids.map(() => '?').join(', ')})`).raw(true).all(...ids) as [string, string][];
    for (const [id, label] of rows) labels[id] = label;
  }
  return labels;
}
