import type { IsoDate } from '../register/dates';
import type { Finding, FindingCode, Severity } from '../register/findings';
import type { RecordRef } from '../register/record-labels';
import type { Holding } from '../register/records';
import type { RegisterIndex } from '../register/register-index';

/**
 * What the findings know besides the register's records: the destruction records' dated exceptions.
 * A copy whose latest destruction was recorded as "destroyed with exceptions" (backup tapes that age
 * out, say) is kept, knowingly and on record, until the exception's end date.
 */
export interface FindingsFacts {
  /** Copy id → the date the copy must be gone by under its recorded exception. */
  retainedUntil: ReadonlyMap<string, IsoDate>;
}

export const noFacts: FindingsFacts = { retainedUntil: new Map() };

/** What every rule reads: the indexed register, the date it is judged on, each holding's destruction deadline, and the facts. */
export interface RuleContext {
  index: RegisterIndex;
  asOf: IsoDate;
  deadlineOf: (holding: Holding) => IsoDate | null;
  facts: FindingsFacts;
}

/** One finding code's check. A rule returns its findings in any order; computeFindings sorts them. */
export type FindingRule = (context: RuleContext) => Finding[];

export interface FindingParts {
  /** The ids of the records that make this finding distinct from others of its code. */
  key: readonly string[];
  severity: Severity;
  title: string;
  action: string;
  /** Subjects may be shared between findings (a version named by many): treat findings as read-only. */
  subjects: readonly RecordRef[];
  dueDate: IsoDate | null;
}

/** A finding whose id is its code plus the ids that identify it, so it stays the same from run to run. */
export function makeFinding(code: FindingCode, parts: FindingParts): Finding {
  return {
    id: parts.key.length === 0 ? code : `${code}:${parts.key.join(':')}`,
    code,
    severity: parts.severity,
    title: parts.title,
    action: parts.action,
    subjects: [...parts.subjects],
    dueDate: parts.dueDate,
  };
}
