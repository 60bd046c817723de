import { registerStore, type RegisterConnection } from '../db/register-connection';
import { indexRegister, type RegisterIndex } from '../../shared/register/register-index';
import type { RegisterContent } from '../../shared/register/snapshot';
import { prepared } from '../db/statement-cache';
import { loadRegister } from './load-register';

/**
 * The stored register, loaded and indexed once per change, and what is computed from it (the
 * findings on a date, the deadlines, the dashboard's counts) once per change and question. The
 * dashboard, "Show all", every detail screen's findings and the timeline all ask within moments of
 * each other; with 100,000 copies, loading and checking the register takes most of a second, so
 * each of them doing it again is what made the dashboard slow.
 *
 * A change is seen from two numbers SQLite keeps: `total_changes()`, the rows this connection has
 * written (every write in the app goes through it), and `PRAGMA data_version`, which moves when
 * another connection commits (the CLI, or a second window of the app). Either moving empties the
 * cache, so an answer is never older than the register. One register is kept per database: the
 * last one asked for.
 */
interface Entry {
  revision: string;
  content: RegisterContent;
  index: RegisterIndex;
  derived: Map<string, unknown>;
}

/** A handful of dates and horizons are asked for (today, and what a user types): keep the last few answers. */
const MAX_DERIVED = 16;

const entries = new WeakMap<RegisterConnection, Entry>();

/**
 * Moves whenever the register may have changed, by this connection or another: for SQLite the two
 * counters above; for PostgreSQL, where other clients' commits leave no such counter, the id of the
 * last transaction that wrote to any of the register's tables (postgres/migrations/003-revision.ts).
 */
export function registerRevision(db: RegisterConnection): string {
  if (registerStore(db) === 'postgres') return `xid:${prepared(db, 'SELECT xid FROM custodian_revision WHERE id = 1').pluck(true).get() as number}`;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const changes = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${dataVersion}:${changes}`;
}

function entryFor(db: RegisterConnection): Entry {
  // Inside a write transaction the register may hold changes that are about to be rolled back (and
  // total_changes() would not move back): answer from it, but remember nothing.
  const revision = db.inTransaction ? null : registerRevision(db);
  if (revision === null) {
    const content = loadRegister(db);
    return { revision: '', content, index: indexRegister(content), derived: new Map() };
  }
  let entry = entries.get(db);
  if (!entry || entry.revision !== revision) {
    const content = loadRegister(db);
    entry = { revision, content, index: indexRegister(content), derived: new Map() };
    entries.set(db, entry);
  }
  return entry;
}

/** The register and its index as stored now. Shared between callers: read-only. */
export function cachedRegister(db: RegisterConnection): { content: RegisterContent; index: RegisterIndex } {
  const { content, index } = entryFor(db);
  return { content, index };
}

/**
 * `compute` over the register as stored now, remembered under `key` until the register changes.
 * The key must name everything the answer depends on besides the register (the date, the horizon).
 * Shared between callers: read-only.
 */
export function cachedFromRegister<T>(db: RegisterConnection, key: string, compute: (index: RegisterIndex) => T): T {
  const entry = entryFor(db);
  if (entry.derived.has(key)) return entry.derived.get(key) as T;
  const value = compute(entry.index);
  if (entry.derived.size >= MAX_DERIVED) entry.derived.delete(entry.derived.keys().next().value!);
  entry.derived.set(key, value);
  return value;
}
