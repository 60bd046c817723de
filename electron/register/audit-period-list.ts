import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../shared/audit/audit-api';
import { likePattern } from '../db/like-pattern';
import { prepared } from '../db/statement-cache';
import { storedEntryColumns, toAuditEntry, type AuditQuery, type StoredAuditEntry } from './audit-log';

export interface AuditPeriodQuery extends AuditQuery {
  /** ISO instants: entries at or after `from` and before `until`. */
  from?: string;
  until?: string;
}

/**
 * The audit log's entries, newest first, with the filters of `listAuditEntries` plus a period.
 * Entries store `at` as `Date.toISOString()` text, so the bounds are written the same way before
 * comparing: text order is then time order.
 */
export function listAuditEntriesInPeriod(db: Database, query: AuditPeriodQuery): { total: number; entries: AuditEntry[] } {
  const conditions: [string, string, unknown][] = [
    ['record_kind = @kind', 'kind', query.kind],
    ['record_id = @recordId', 'recordId', query.recordId],
    ['action = @action', 'action', query.action],
    ['at >= @from', 'from', query.from && new Date(query.from).toISOString()],
    ['at < @until', 'until', query.until && new Date(query.until).toISOString()],
    [
      `(os_user LIKE @search ESCAPE '\\' OR display_name LIKE @search ESCAPE '\\' OR action LIKE @search ESCAPE '\\'
        OR record_kind LIKE @search ESCAPE '\\' OR record_id LIKE @search ESCAPE '\\'
        OR before_json LIKE @search ESCAPE '\\' OR after_json LIKE @search ESCAPE '\\')`,
      'search',
      query.search ? likePattern(query.search) : undefined,
    ],
  ];
  const used = conditions.filter(([, , value]) => value !== undefined && value !== '');
  const params = Object.fromEntries(used.map(([, name, value]) => [name, value]));
  const clause = used.length ? `WHERE ${used.map(([sql]) => sql).join(' AND ')}` : '';
  const total = prepared(db, `SELECT count(*) FROM audit_log ${clause}`).pluck(true).get(params) as number;
  const rows = prepared(
    db,
    `SELECT ${storedEntryColumns} FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: query.limit, offset: query.offset }) as StoredAuditEntry[];
  return { total, entries: rows.map(toAuditEntry) };
}
