import { z } from 'zod';
import { compareNullableDates, compareStrings } from './compare';
import { addDays, daysBetween, isoDate, type IsoDate } from './dates';
import { recordRefSchema, refs } from './record-labels';
import { destructionRuleSchema, type Copy, type DestructionRule, type Holding } from './records';
import { createNextDataYearArrival } from './next-data-year';
import { byId, finalVersion, indexRegister, liveCopiesOfGroup, type RegisterIndex } from './register-index';
import type { RegisterContent } from './snapshot';

/**
 * When each holding must be destroyed, from its agreement's destruction rule:
 * - `days-after-end`: N days after the agreement's end date;
 * - `fixed-date`: that date;
 * - `rolling`: N weeks after the next data year of the same dataset (same DSA, same dataset name)
 *   arrives; until it arrives there is no deadline.
 *
 * The rule and end date are those of the last agreed version in the holding's renewal chain (see
 * `finalVersion`): renewing an agreement carries the data forward, so a v1 extract is not due for
 * destruction when v1 ends if v2 continues it.
 */
export function destructionDeadline(holding: Holding, register: RegisterContent): IsoDate | null {
  return createDeadlineCalculator(indexRegister(register))(holding);
}

/**
 * The same rule over an index, for callers that compute many deadlines at once (each holding once).
 * Answers that do not depend on the holding are remembered per version, and rolling deadlines per
 * arrival date and number of weeks, so date arithmetic runs once per distinct answer.
 */
export function createDeadlineCalculator(index: RegisterIndex): (holding: Holding) => IsoDate | null {
  const nextDataYearArrival = createNextDataYearArrival(index);
  const byWeeks = new Map<number, Map<IsoDate, IsoDate>>();
  const byVersion = new Map<string, IsoDate>();
  return (holding) => {
    const governing = finalVersion(index, holding.versionId);
    if (!governing) return null;
    const rule = governing.destructionRule;
    if (rule.kind === 'rolling') {
      const arrival = nextDataYearArrival(holding);
      if (arrival === null) return null;
      let byArrival = byWeeks.get(rule.weeks);
      if (!byArrival) byWeeks.set(rule.weeks, (byArrival = new Map()));
      let deadline = byArrival.get(arrival);
      if (deadline === undefined) byArrival.set(arrival, (deadline = addDays(arrival, rule.weeks * 7)));
      return deadline;
    }
    let deadline = byVersion.get(governing.id);
    if (deadline === undefined) byVersion.set(governing.id, (deadline = rule.kind === 'fixed-date' ? rule.date : addDays(governing.endDate, rule.days)));
    return deadline;
  };
}

export const pendingDestructionSchema = z.object({
  holding: recordRefSchema,
  /** The version whose destruction rule applies (the last agreed version of the renewal chain). */
  version: recordRefSchema,
  rule: destructionRuleSchema,
  deadline: isoDate.nullable(),
  /** Days from the as-of date to the deadline: negative once it has passed. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  liveCopies: z.array(recordRefSchema),
});
export type PendingDestruction = z.infer<typeof pendingDestructionSchema>;

/**
 * Every holding that still has live copies on `asOf`, with its deadline: soonest first, holdings
 * without a deadline (rolling rule, next year not yet received) last.
 */
export function pendingDestructions(register: RegisterContent, asOf: IsoDate, retainedUntil: ReadonlyMap<string, IsoDate> = new Map()): PendingDestruction[] {
  return pendingDestructionsIn(indexRegister(register), asOf, retainedUntil);
}

/**
 * `retainedUntil`: copies kept under a recorded dated exception, with its end date (see
 * electron/destruction/findings-facts.ts). A holding whose live copies are all kept under an
 * exception that has not ended is not overdue, as in the DESTRUCTION_OVERDUE finding.
 */
export function pendingDestructionsIn(index: RegisterIndex, asOf: IsoDate, retainedUntil: ReadonlyMap<string, IsoDate> = new Map()): PendingDestruction[] {
  const outstanding = (copy: Copy): boolean => {
    const until = retainedUntil.get(copy.id);
    return until === undefined || until < asOf;
  };
  const deadlineOf = createDeadlineCalculator(index);
  const pending: PendingDestruction[] = [];
  for (const group of index.holdingCopies) {
    const { holding } = group;
    const live = liveCopiesOfGroup(index, group, asOf);
    const governing = finalVersion(index, holding.versionId);
    if (live.length === 0 || !governing) continue;
    const deadline = deadlineOf(holding);
    pending.push({
      holding: refs.holding(index, holding),
      version: refs.version(index, governing),
      rule: governing.destructionRule satisfies DestructionRule,
      deadline,
      daysLeft: deadline === null ? null : daysBetween(asOf, deadline),
      overdue: deadline !== null && deadline < asOf && live.some(outstanding),
      liveCopies: (live.length > 1 ? [...live].sort(byId) : live).map((c) => refs.copy(index, c)),
    });
  }
  return pending.sort(
    (a, b) => compareNullableDates(a.deadline, b.deadline) || compareStrings(a.holding.label, b.holding.label) || compareStrings(a.holding.id, b.holding.id),
  );
}
