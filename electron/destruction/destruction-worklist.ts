import type { Database } from 'better-sqlite3';
import { inDueBucket, worklistDueFilters, type DestructionWorklist, type DestructionWorklistRequest, type WorklistDue, type WorklistItem } from '../../shared/destruction/destruction-worklist';
import { compareNullableDates, compareStrings } from '../../shared/register/compare';
import { daysBetween, type IsoDate } from '../../shared/register/dates';
import { createDeadlineCalculator } from '../../shared/register/destruction-deadline';
import { holdingLabel, refs } from '../../shared/register/record-labels';
import { byId, finalVersion, liveCopiesOfGroup, type RegisterIndex } from '../../shared/register/register-index';
import { cachedFromRegister } from '../register/register-cache';
import { findingsFacts } from './findings-facts';

/**
 * The destruction worklist (shared/destruction/destruction-worklist.ts) answered from what main
 * holds: the pending holdings on a date are worked out once per change to the register (any write
 * to the database moves its revision, destruction records included) and each page, filter and count
 * is then a pass over the holdings, not the copies.
 */
interface Pending {
  holdingId: string;
  holdingLabel: string;
  versionId: string;
  dsaId: string;
  deadline: IsoDate | null;
  daysLeft: number | null;
  overdue: boolean;
  /** Live copies' ids, by id, and each one's location in the same order. */
  copyIds: readonly string[];
  locationIds: readonly string[];
}

interface PendingOnDate {
  pending: readonly Pending[];
  agreementLabels: ReadonlyMap<string, string>;
  locationLabels: ReadonlyMap<string, string>;
}

/**
 * Every holding with live copies on `date`, soonest deadline first: the same rule as
 * pendingDestructionsIn (shared/register/destruction-deadline.ts), but keeping ids rather than
 * labelled references, so 100,000 copies cost a pass over numbers and strings already in the index;
 * only the page shown is labelled.
 */
function pendingOn(db: Database, date: IsoDate): PendingOnDate {
  return cachedFromRegister(db, `destruction-worklist:${date}`, (index) => {
    const retainedUntil = findingsFacts(db, date).retainedUntil;
    const outstanding = (copyId: string): boolean => {
      const until = retainedUntil.get(copyId);
      return until === undefined || until < date;
    };
    const deadlineOf = createDeadlineCalculator(index);
    const pending: Pending[] = [];
    for (const group of index.holdingCopies) {
      const live = liveCopiesOfGroup(index, group, date);
      if (live.length === 0) continue;
      const governing = finalVersion(index, group.holding.versionId);
      if (!governing) continue;
      const sorted = live.length > 1 ? [...live].sort(byId) : live;
      const deadline = deadlineOf(group.holding);
      pending.push({
        holdingId: group.holding.id,
        holdingLabel: holdingLabel(index, group.holding),
        versionId: governing.id,
        dsaId: governing.dsaId,
        deadline,
        daysLeft: deadline === null ? null : daysBetween(date, deadline),
        overdue: deadline !== null && deadline < date && sorted.some((c) => outstanding(c.id)),
        copyIds: sorted.map((c) => c.id),
        locationIds: sorted.map((c) => c.locationId),
      });
    }
    pending.sort((a, b) => compareNullableDates(a.deadline, b.deadline) || compareStrings(a.holdingLabel, b.holdingLabel) || compareStrings(a.holdingId, b.holdingId));
    const agreementLabels = new Map<string, string>();
    const locationLabels = new Map<string, string>();
    for (const p of pending) {
      if (!agreementLabels.has(p.dsaId)) agreementLabels.set(p.dsaId, index.dsas.get(p.dsaId)?.nicReference ?? p.dsaId);
      for (const id of p.locationIds) if (!locationLabels.has(id)) locationLabels.set(id, index.locations.get(id)?.name ?? id);
    }
    return { pending, agreementLabels, locationLabels };
  });
}

export function destructionWorklist(db: Database, index: RegisterIndex, date: IsoDate, request: Omit<DestructionWorklistRequest, 'asOf'>): DestructionWorklist {
  const { pending, agreementLabels, locationLabels } = pendingOn(db, date);
  const dueCounts = Object.fromEntries(worklistDueFilters.map((d) => [d, 0])) as Record<WorklistDue, number>;
  const agreements = new Map<string, number>();
  const locations = new Map<string, number>();
  const page: Pending[] = [];
  let total = 0;
  for (const p of pending) {
    agreements.set(p.dsaId, (agreements.get(p.dsaId) ?? 0) + 1);
    for (const id of new Set(p.locationIds)) locations.set(id, (locations.get(id) ?? 0) + 1);
    if (request.agreementId !== undefined && p.dsaId !== request.agreementId) continue;
    if (request.locationId !== undefined && !p.locationIds.includes(request.locationId)) continue;
    for (const due of worklistDueFilters) if (inDueBucket(p, due)) dueCounts[due]++;
    if (!inDueBucket(p, request.due)) continue;
    if (total >= request.offset && total < request.offset + request.limit) page.push(p);
    total++;
  }
  const facet = (counts: Map<string, number>, labels: ReadonlyMap<string, string>) =>
    [...counts].map(([value, count]) => ({ value, label: labels.get(value) ?? value, count })).sort((a, b) => compareStrings(a.label, b.label));
  return {
    asOf: date,
    total,
    items: page.map((p) => itemOf(index, p, request.locationId)),
    dueCounts,
    facets: { agreements: facet(agreements, agreementLabels), locations: facet(locations, locationLabels) },
  };
}

/** A page's holding with its live copies (at the filtered location only, when there is one), labelled. */
function itemOf(index: RegisterIndex, p: Pending, locationId: string | undefined): WorklistItem {
  const holding = index.holdings.get(p.holdingId)!;
  const version = index.versions.get(p.versionId)!;
  const liveCopies = p.copyIds.flatMap((copyId, i) => {
    if (locationId !== undefined && p.locationIds[i] !== locationId) return [];
    const copy = index.copies.get(copyId)!;
    const location = index.locations.get(copy.locationId);
    return [
      {
        copy: refs.copy(index, copy),
        kind: copy.kind,
        location: { kind: 'location' as const, id: copy.locationId, label: location?.name ?? 'an unknown location' },
        pathOrDescription: copy.pathOrDescription ?? null,
      },
    ];
  });
  const dsa = index.dsas.get(p.dsaId);
  return {
    holding: refs.holding(index, holding),
    agreement: { kind: 'dsa', id: p.dsaId, label: dsa?.nicReference ?? p.dsaId },
    version: refs.version(index, version),
    rule: version.destructionRule,
    deadline: p.deadline,
    daysLeft: p.daysLeft,
    overdue: p.overdue,
    liveCopies,
  };
}
