import { z } from 'zod';
import { compareNullableDates, compareStrings } from './compare';
import { addDays, daysBetween, isoDate, type IsoDate } from './dates';
import { recordRefSchema, refs } from './record-labels';
import { destructionRuleSchema, type DestructionRule, type Holding } from './records';
import { finalVersion, indexRegister, liveCopiesOf, type RegisterIndex } from './register-index';
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
 * The same rule over an index, for callers that compute many deadlines at once. Answers are
 * remembered per holding, and per version for the rules that do not depend on the holding, so
 * every rule that asks costs a Map lookup after the first.
 */
export function createDeadlineCalculator(index: RegisterIndex): (holding: Holding) => IsoDate | null {
  const rolling: RollingCache = {};
  const byVersion = new Map<string, IsoDate>();
  const byHolding = new Map<string, IsoDate | null>();
  const compute = (holding: Holding): IsoDate | null => {
    const governing = finalVersion(index, holding.versionId);
    if (!governing) return null;
    const rule = governing.destructionRule;
    if (rule.kind === 'rolling') {
      const arrival = nextDataYearArrival(index, holding, rolling);
      return arrival === null ? null : addDays(arrival, rule.weeks * 7);
    }
    let deadline = byVersion.get(governing.id);
    if (deadline === undefined) byVersion.set(governing.id, (deadline = rule.kind === 'fixed-date' ? rule.date : addDays(governing.endDate, rule.days)));
    return deadline;
  };
  return (holding) => {
    let deadline = byHolding.get(holding.id);
    if (deadline === undefined) byHolding.set(holding.id, (deadline = compute(holding)));
    return deadline;
  };
}

const dataYearStart = (dataYear: string | null): number | null => (dataYear === null ? null : Number(dataYear.slice(0, 4)));

/** Holdings of one dataset of one agreement, across its versions: a dataset is known by its name. */
const agreementDatasetKey = (index: RegisterIndex, holding: Holding): string | null => {
  const version = index.versions.get(holding.versionId);
  const dataset = index.datasets.get(holding.datasetId);
  return version && dataset ? `${version.dsaId}\u0000${dataset.name.trim().toLowerCase()}` : null;
};

/**
 * The first date on which any later data year of the same dataset was received. Built on the
 * first rolling rule met: for each agreement and dataset, the answer for every year at once (a
 * suffix minimum over the years), so a long run of yearly extracts costs n log n, not n².
 */
function nextDataYearArrival(index: RegisterIndex, holding: Holding, cache: RollingCache): IsoDate | null {
  const year = dataYearStart(holding.dataYear);
  const key = agreementDatasetKey(index, holding);
  if (year === null || key === null) return null;
  if (!cache.arrivals) {
    cache.arrivals = new Map();
    const groups = new Map<string, Holding[]>();
    for (const h of index.holdings.values()) {
      const k = agreementDatasetKey(index, h);
      if (k === null) continue;
      const group = groups.get(k);
      if (group) group.push(h);
      else groups.set(k, [h]);
    }
    for (const [k, group] of groups) cache.arrivals.set(k, laterYearArrivals(group));
  }
  return cache.arrivals.get(key)?.get(year) ?? null;
}

interface RollingCache {
  arrivals?: Map<string, Map<number, IsoDate>>;
}

function laterYearArrivals(holdings: readonly Holding[]): Map<number, IsoDate> {
  const firstReceived = new Map<number, IsoDate>();
  for (const h of holdings) {
    const year = dataYearStart(h.dataYear);
    if (year === null) continue;
    const known = firstReceived.get(year);
    if (known === undefined || h.receivedDate < known) firstReceived.set(year, h.receivedDate);
  }
  const years = [...firstReceived.keys()].sort((a, b) => a - b);
  const result = new Map<number, IsoDate>();
  let earliestLater: IsoDate | null = null;
  for (let i = years.length - 1; i >= 0; i--) {
    const year = years[i]!;
    if (earliestLater !== null) result.set(year, earliestLater);
    const received = firstReceived.get(year)!;
    if (earliestLater === null || received < earliestLater) earliestLater = received;
  }
  return result;
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
export function pendingDestructions(register: RegisterContent, asOf: IsoDate): PendingDestruction[] {
  return pendingDestructionsIn(indexRegister(register), asOf);
}

export function pendingDestructionsIn(index: RegisterIndex, asOf: IsoDate): PendingDestruction[] {
  const deadlineOf = createDeadlineCalculator(index);
  const pending: PendingDestruction[] = [];
  for (const holding of index.holdings.values()) {
    const live = liveCopiesOf(index, holding.id, asOf);
    const governing = finalVersion(index, holding.versionId);
    if (live.length === 0 || !governing) continue;
    const deadline = deadlineOf(holding);
    pending.push({
      holding: refs.holding(index, holding),
      version: refs.version(index, governing),
      rule: governing.destructionRule satisfies DestructionRule,
      deadline,
      daysLeft: deadline === null ? null : daysBetween(asOf, deadline),
      overdue: deadline !== null && deadline < asOf,
      liveCopies: live.map((c) => refs.copy(index, c)),
    });
  }
  return pending.sort(
    (a, b) => compareNullableDates(a.deadline, b.deadline) || compareStrings(a.holding.label, b.holding.label) || compareStrings(a.holding.id, b.holding.id),
  );
}
