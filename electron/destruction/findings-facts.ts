import type { RegisterConnection } from '../db/register-connection';
import type { FindingsFacts } from '../../shared/findings/finding-rule';
import type { IsoDate } from '../../shared/register/dates';
import { prepared } from '../db/statement-cache';

/**
 * What the findings need from the destruction records on `asOf`: each copy whose latest destruction
 * performed by then kept it under a dated exception, with the exception's end date. A later record
 * (the final destruction, or "not destroyed") replaces the exception; a record made after `asOf` does
 * not count, so findings for a past date say what was true then.
 */
export function findingsFacts(db: RegisterConnection, asOf: IsoDate): FindingsFacts {
  const retainedUntil = new Map<string, string>();
  const rows = prepared(db, 'SELECT copy_id AS copyId, outcome, exception_end_date AS until, performed_at AS performedAt FROM destruction_records ORDER BY rowid').all() as {
    copyId: string;
    outcome: string;
    until: string | null;
    performedAt: string;
  }[];
  for (const { copyId, outcome, until, performedAt } of rows) {
    // The date as written where it was performed (the time carries its own UTC offset).
    if (performedAt.slice(0, 10) > asOf) continue;
    if (outcome === 'destroyed-with-exceptions' && until) retainedUntil.set(copyId, until);
    else retainedUntil.delete(copyId);
  }
  return { retainedUntil };
}
