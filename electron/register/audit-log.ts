import { auditKindFilters, type AuditAction, type AuditRecordKind } from '../../shared/audit/audit-vocabulary';
import type { RegisterConnection } from '../db/register-connection';
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../shared/audit/audit-api';
import { auditActionSchema } from '../../shared/audit/audit-api';
import { readSettings } from '../db/settings-repository';
import { likePattern } from '../db/like-pattern';
import { prepared } from '../db/statement-cache';
import { writeSeal, writerAuditKey } from './audit-seal';
import { actorName } from './actor-name';

/**
 * The tamper-evident audit log.
 *
 * How other features record what they did:
 *
 *     db.transaction(() => {
 *       ...make the change...
 *       appendAudit(db, context, { action: 'export', recordKind: 'disclosureTable', recordId: id,
 *                                  before: null, after: null, detail: { file: 'table.xlsx' } });
 *     })();
 *
 * `appendAudit(db, context, { action, recordKind, recordId, before, after, detail? })` must run
 * inside the transaction that makes the change (it throws otherwise), so a change and its entry are
 * committed together or not at all. `context` needs only `now()` and `osUser` (a ServiceContext
 * will do); the display name is read from Settings. In a PostgreSQL register the entry names the
 * database login instead of `osUser` (the database refuses any other name). `action` is a lower-case word (`create`,
 * `export`, `certificate-issued`…); `before`/`after`/`detail` are any JSON values, or null. Do not put
 * secrets in them: the log is shown in the app and printed by `custodian audit list`.
 *
 * Each entry is chained: hash = SHA-256 of a version tag, the previous entry's hash and a canonical
 * serialisation of the entry (sequence number, time, actor, action, record, before, after, detail).
 * `audit_head` holds the newest sequence number and hash, so removing the newest entries shows too.
 * `verifyAuditChain` (audit-verify.ts) recomputes it all.
 */
export interface AuditActor {
  now: () => Date;
  osUser: string;
}

export interface AuditChange {
  /** One of the words in shared/audit/audit-vocabulary.ts, so the Audit log screen can filter by it and name it. */
  action: AuditAction;
  /** A record kind, or another subject (`register` for a snapshot export); null for none. */
  recordKind: AuditRecordKind | null;
  recordId: string | null;
  before: unknown;
  after: unknown;
  detail?: unknown;
}

/** An entry as stored: the JSON columns are kept as the exact text that was hashed. */
export interface StoredAuditEntry {
  seq: number;
  at: string;
  osUser: string;
  displayName: string;
  action: string;
  recordKind: string | null;
  recordId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  detailJson: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const HASH_VERSION = 'custodian-audit-v1';

/** JSON with object keys sorted, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

const jsonOrNull = (value: unknown): string | null => (value === undefined || value === null ? null : canonicalJson(value));

/** What the hash covers besides the previous hash, in this order; also the order of the table's columns. */
const hashedContent = (entry: Omit<StoredAuditEntry, 'hash' | 'prevHash'>) => [
  entry.seq,
  entry.at,
  entry.osUser,
  entry.displayName,
  entry.action,
  entry.recordKind,
  entry.recordId,
  entry.beforeJson,
  entry.afterJson,
  entry.detailJson,
];

/** The hash an entry must carry, given its content and the hash of the entry before it. */
export function computeAuditHash(entry: Omit<StoredAuditEntry, 'hash'>): string {
  const canonical = JSON.stringify(hashedContent(entry));
  return createHash('sha256').update(`${HASH_VERSION}\n${entry.prevHash}\n${canonical}`).digest('hex');
}

interface Head {
  lastSeq: number;
  lastHash: string;
}

function readHead(db: RegisterConnection): Head {
  const row = prepared(db, 'SELECT last_seq AS lastSeq, last_hash AS lastHash FROM audit_head WHERE id = 1').get() as
    | Head
    | undefined;
  return row ?? { lastSeq: 0, lastHash: GENESIS_HASH };
}

/**
 * A writer for many entries by one actor within ONE transaction (an import writes thousands):
 * Settings and the chain's head are read once and the head is carried forward in memory.
 * Use `appendAudit` for a single entry.
 */
export function auditWriter(db: RegisterConnection, actor: AuditActor): (change: AuditChange) => StoredAuditEntry {
  const displayName = readSettings(db).displayName;
  const insert = prepared(
    db,
    `INSERT INTO audit_log (seq, at, os_user, display_name, action, record_kind, record_id, before_json, after_json, detail_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const moveHead = prepared(
    db,
    `INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash`,
  );
  // Keyed mode: with CUSTODIAN_AUDIT_KEY_FILE set, every entry moves the seal with the head.
  const key = writerAuditKey();
  // In a team register the database says who is writing (its login), not the client's OS.
  const osUser = actorName(db, actor);
  let head: Head | null = null;
  return (change) => {
    if (!db.inTransaction) {
      throw new Error('appendAudit must run inside the transaction that makes the change');
    }
    const action = auditActionSchema.parse(change.action);
    head ??= readHead(db);
    const unhashed: Omit<StoredAuditEntry, 'hash'> = {
      seq: head.lastSeq + 1,
      at: actor.now().toISOString(),
      osUser,
      displayName,
      action,
      recordKind: change.recordKind,
      recordId: change.recordId,
      beforeJson: jsonOrNull(change.before),
      afterJson: jsonOrNull(change.after),
      detailJson: jsonOrNull(change.detail),
      prevHash: head.lastHash,
    };
    const entry = { ...unhashed, hash: computeAuditHash(unhashed) };
    insert.run(...hashedContent(entry), entry.prevHash, entry.hash);
    moveHead.run(entry.seq, entry.hash);
    if (key) writeSeal(db, key, { seq: entry.seq, hash: entry.hash });
    head = { lastSeq: entry.seq, lastHash: entry.hash };
    return entry;
  };
}

/** Records one change in the audit log, in the caller's transaction. See the file header. */
export function appendAudit(db: RegisterConnection, actor: AuditActor, change: AuditChange): StoredAuditEntry {
  return auditWriter(db, actor)(change);
}

export const storedEntryColumns = `seq, at, os_user AS osUser, display_name AS displayName, action,
  record_kind AS recordKind, record_id AS recordId, before_json AS beforeJson, after_json AS afterJson,
  detail_json AS detailJson, prev_hash AS prevHash, hash`;

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function toAuditEntry(stored: StoredAuditEntry): AuditEntry {
  const { beforeJson, afterJson, detailJson, ...rest } = stored;
  return { ...rest, before: parseJson(beforeJson), after: parseJson(afterJson), detail: parseJson(detailJson) };
}

export interface AuditQuery {
  offset: number;
  limit: number;
  kind?: string;
  recordId?: string;
  action?: string;
  search?: string;
  /** ISO instants: entries at or after `from` and before `until`. */
  from?: string;
  until?: string;
}

const searchedColumns = ['os_user', 'display_name', 'action', 'record_kind', 'record_id', 'before_json', 'after_json'];

/**
 * A kind the Audit log screen offers (audit-vocabulary.ts: a record kind, or destruction records,
 * which are entries on copies with a destruction action) or, from the CLI, any stored record kind.
 */
function kindConditions(kind: string | undefined): [sql: string, name: string, value: unknown][] {
  if (kind === undefined || kind === '') return [];
  const filter = Object.hasOwn(auditKindFilters, kind) ? auditKindFilters[kind]! : null;
  if (!filter) return [['record_kind = @kind', 'kind', kind]];
  const conditions: [string, string, unknown][] = [['record_kind IN (SELECT value FROM json_each(@kinds))', 'kinds', JSON.stringify(filter.recordKinds)]];
  if (filter.actions) conditions.push(['action IN (SELECT value FROM json_each(@kindActions))', 'kindActions', JSON.stringify(filter.actions)]);
  return conditions;
}

/**
 * Entries newest first, filtered; `total` counts every match, not just the page. Times are stored
 * as `Date.toISOString()` text, so the period's bounds are written the same way: text order is then
 * time order.
 */
export function listAuditEntries(db: RegisterConnection, query: AuditQuery): { total: number; entries: AuditEntry[] } {
  const instant = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);
  const conditions: [sql: string, name: string, value: unknown][] = [
    ...kindConditions(query.kind),
    ['record_id = @recordId', 'recordId', query.recordId],
    ['action = @action', 'action', query.action],
    ['at >= @from', 'from', instant(query.from)],
    ['at < @until', 'until', instant(query.until)],
    [`(${searchedColumns.map((c) => `${c} LIKE @search ESCAPE '\\'`).join(' OR ')})`, 'search', query.search ? likePattern(query.search) : undefined],
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
