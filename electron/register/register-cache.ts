import type { Database } from 'better-sqlite3';
import { computeFindingsIn } from '../../shared/findings';
import type { IsoDate } from '../../shared/register/dates';
import type { Finding } from '../../shared/register/findings';
import { indexRegister, type RegisterIndex } from '../../shared/register/register-index';
import type { RegisterContent } from '../../shared/register/snapshot';
import { prepared } from '../db/statement-cache';
import { loadRegister } from './load-register';

/**
 * The stored register, loaded and indexed once per change, and its findings once per change and
 * date. The dashboard, "Show all", every detail screen's findings and the timeline all ask within
 * moments of each other; with 100,000 copies, loading and checking the register takes most of a
 * second, so each of them doing it again is what made the dashboard slow.
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
  findings: Map<IsoDate, Finding[]>;
}

const entries = new WeakMap<Database, Entry>();

/** Moves whenever the register may have changed, by this connection or another. */
export function registerRevision(db: Database): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const changes = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${dataVersion}:${changes}`;
}

function entryFor(db: Database): Entry {
  const revision = registerRevision(db);
  let entry = entries.get(db);
  if (!entry || entry.revision !== revision) {
    const content = loadRegister(db);
    entry = { revision, content, index: indexRegister(content), findings: new Map() };
    entries.set(db, entry);
  }
  return entry;
}

/** The register and its index as stored now. Shared between callers: read-only. */
export function cachedRegister(db: Database): { content: RegisterContent; index: RegisterIndex } {
  const { content, index } = entryFor(db);
  return { content, index };
}

/** The register's findings on `asOf` (not the incidents': they move with the clock, not the register). Shared: read-only. */
export function cachedFindings(db: Database, asOf: IsoDate): readonly Finding[] {
  const entry = entryFor(db);
  let findings = entry.findings.get(asOf);
  if (!findings) {
    findings = computeFindingsIn(entry.index, asOf);
    // Only a few dates are asked for (today, and what a user types): keep the last few.
    if (entry.findings.size >= 4) entry.findings.delete(entry.findings.keys().next().value!);
    entry.findings.set(asOf, findings);
  }
  return findings;
}
