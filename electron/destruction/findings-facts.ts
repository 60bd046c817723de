import type { Database } from 'better-sqlite3';
import type { FindingsFacts } from '../../shared/findings/finding-rule';
import { prepared } from '../db/statement-cache';

/**
 * What the findings need from the destruction records: each copy whose latest recorded destruction
 * kept it under a dated exception, with the exception's end date. A later record (the final
 * destruction, or "not destroyed") replaces the exception.
 */
export function findingsFacts(db: Database): FindingsFacts {
  const retainedUntil = new Map<string, string>();
  const rows = prepared(db, 'SELECT copy_id AS copyId, outcome, exception_end_date AS until FROM destruction_records ORDER BY rowid').all() as {
    copyId: string;
    outcome: string;
    until: string | null;
  }[];
  for (const { copyId, outcome, until } of rows) {
    if (outcome === 'destroyed-with-exceptions' && until) retainedUntil.set(copyId, until);
    else retainedUntil.delete(copyId);
  }
  return { retainedUntil };
}
