import type { RegisterConnection } from '../db/register-connection';
import { inDueBucket, worklistDueFilters, type DestructionWorklist, type DestructionWorklistRequest, type WorklistDue, type WorklistItem } from '../../shared/destruction/destruction-worklist';
import { compareNullableDates, compareStrings } from '../../shared/register/compare';
import { daysBetween, type IsoDate } from '../../shared/register/dates';
import { createDeadlineCalculator } from '../../shared/register/destruction-deadline';
import type { HoldingCopies } from '../../shared/register/group-copies';
import { holdingLabel, refs } from '../../shared/register/record-labels';
import type { Copy } from '../../shared/register/records';
import { byId, finalVersion, isLiveOn, type RegisterIndex } from '../../shared/register/register-index';
import { cachedFromRegister } from '../register/register-cache';
import { findingsFacts } from './findings-facts';

/**
 * The destruction worklist (shared/destruction/destruction-worklist.ts) answered from what main
 * holds: the pending holdings on a date are worked out once per change to the register (any write
 * to the database moves its revision, destruction records included) and each page, filter and count
 * is then a pass over the holdings, not the copies.
 */
interface Pending {
  group: HoldingCopies;
  holdingLabel: string;
  versionId: string;
  dsaId: string;
  deadline: IsoDate | null;
  daysLeft: number | null;
  overdue: boolean;
}

interface PendingOnDate {
  pending: readonly Pending[];
  /** The filters' choices, over every pending holding: they do not change with the filters. */
  facets: DestructionWorklist['facets'];
}

/**
 * Every holding with live copies on `date`, soonest deadline first: the same rule as
 * pendingDestructionsIn (shared/register/destruction-deadline.ts), but keeping the index's own
 * group of copies rather than labelled references, so 100,000 copies cost a pass over what the
 * index already holds; only the page shown is labelled.
 */
function pendingOn(db: RegisterConnection, date: IsoDate): PendingOnDate {
  return cachedFromRegister(db, `destruction-worklist:${date}`, (index) => {
    const retainedUntil = findingsFacts(db, date).retainedUntil;
    const outstanding = (copy: Copy): boolean => {
      const until = retainedUntil.get(copy.id);
      return until === undefined || until < date;
    };
    const deadlineOf = createDeadlineCalculator(index);
    const labelOf = new Map<string, string>();
    const pending: Pending[] = [];
    const agreements = new Map<string, number>();
    const locations = new Map<string, number>();
    const { destroyedDate } = index.copyColumns;
    for (const group of index.holdingCopies) {
      const governing = finalVersion(index, group.holding.versionId);
      if (!governing) continue;
      let live = 0;
      let outstandingLive = false;
      const here = new Set<string>();
      for (let j = 0; j < group.copies.length; j++) {
        if (!isLiveOn(destroyedDate[group.start + j]!, date)) continue;
        live++;
        const copy = group.copies[j]!;
        here.add(copy.locationId);
        if (!outstandingLive && outstanding(copy)) outstandingLive = true;
      }
      if (live === 0) continue;
      const deadline = deadlineOf(group.holding);
      let versionLabel = labelOf.get(group.holding.versionId);
      if (versionLabel === undefined) labelOf.set(group.holding.versionId, (versionLabel = holdingLabel(index, { ...group.holding, darsFileReference: '' })));
      pending.push({
        group,
        holdingLabel: `${group.holding.darsFileReference}${versionLabel}`,
        versionId: governing.id,
        dsaId: governing.dsaId,
        deadline,
        daysLeft: deadline === null ? null : daysBetween(date, deadline),
        overdue: deadline !== null && deadline < date && outstandingLive,
      });
      agreements.set(governing.dsaId, (agreements.get(governing.dsaId) ?? 0) + 1);
      for (const id of here) locations.set(id, (locations.get(id) ?? 0) + 1);
    }
    pending.sort((a, b) => compareNullableDates(a.deadline, b.deadline) || compareStrings(a.holdingLabel, b.holdingLabel) || compareStrings(a.group.holding.id, b.group.holding.id));
    const facet = (counts: Map<string, number>, label: (id: string) => string) =>
      [...counts].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => compareStrings(a.label, b.label));
    return {
      pending,
      facets: {
        agreements: facet(agreements, (id) => index.dsas.get(id)?.nicReference ?? id),
        locations: facet(locations, (id) => index.locations.get(id)?.name ?? id),
      },
    };
  });
}

/** The live copies of a pending holding on `date`, by id, at `locationId` when one is given. */
function liveCopiesOf(index: RegisterIndex, p: Pending, date: IsoDate, locationId: string | undefined): Copy[] {
  const { destroyedDate } = index.copyColumns;
  const live: Copy[] = [];
  for (let j = 0; j < p.group.copies.length; j++) {
    const copy = p.group.copies[j]!;
    if (isLiveOn(destroyedDate[p.group.start + j]!, date) && (locationId === undefined || copy.locationId === locationId)) live.push(copy);
  }
  return live.sort(byId);
}

export function destructionWorklist(db: RegisterConnection, index: RegisterIndex, date: IsoDate, request: Omit<DestructionWorklistRequest, 'asOf'>): DestructionWorklist {
  const { pending, facets } = pendingOn(db, date);
  const dueCounts = Object.fromEntries(worklistDueFilters.map((d) => [d, 0])) as Record<WorklistDue, number>;
  const page: Pending[] = [];
  let total = 0;
  for (const p of pending) {
    if (request.holdingId !== undefined && p.group.holding.id !== request.holdingId) continue;
    if (request.agreementId !== undefined && p.dsaId !== request.agreementId) continue;
    if (request.locationId !== undefined && liveCopiesOf(index, p, date, request.locationId).length === 0) continue;
    for (const due of worklistDueFilters) if (inDueBucket(p, due)) dueCounts[due]++;
    if (!inDueBucket(p, request.due)) continue;
    if (total >= request.offset && total < request.offset + request.limit) page.push(p);
    total++;
  }
  return { asOf: date, total, items: page.map((p) => itemOf(index, p, date, request.locationId)), dueCounts, facets };
}

/** A page's holding with its live copies (at the filtered location only, when there is one), labelled. */
function itemOf(index: RegisterIndex, p: Pending, date: IsoDate, locationId: string | undefined): WorklistItem {
  const version = index.versions.get(p.versionId)!;
  const liveCopies = liveCopiesOf(index, p, date, locationId).map((copy) => ({
    copy: refs.copy(index, copy),
    kind: copy.kind,
    location: { kind: 'location' as const, id: copy.locationId, label: index.locations.get(copy.locationId)?.name ?? 'an unknown location' },
    pathOrDescription: copy.pathOrDescription ?? null,
  }));
  return {
    holding: refs.holding(index, p.group.holding),
    agreement: { kind: 'dsa', id: p.dsaId, label: index.dsas.get(p.dsaId)?.nicReference ?? p.dsaId },
    version: refs.version(index, version),
    rule: version.destructionRule,
    deadline: p.deadline,
    daysLeft: p.daysLeft,
    overdue: p.overdue,
    liveCopies,
  };
}
