import type { Database } from 'better-sqlite3';
import { inDueBucket, worklistDueFilters, type DestructionWorklist, type DestructionWorklistRequest, type WorklistDue, type WorklistItem } from '../../shared/destruction/destruction-worklist';
import { compareStrings } from '../../shared/register/compare';
import type { IsoDate } from '../../shared/register/dates';
import { pendingDestructionsIn, type PendingDestruction } from '../../shared/register/destruction-deadline';
import type { RegisterIndex } from '../../shared/register/register-index';
import { cachedFromRegister } from '../register/register-cache';
import { findingsFacts } from './findings-facts';

/**
 * The destruction worklist (shared/destruction/destruction-worklist.ts) answered from what main
 * holds: the pending holdings on a date are worked out once per change to the register (any write
 * to the database moves its revision, destruction records included) and each page, filter and count
 * is then a pass over the holdings, not the copies.
 */
interface Pending extends PendingDestruction {
  dsaId: string;
  /** Each live copy's location, in liveCopies' order. */
  locationIds: readonly string[];
}

interface PendingOnDate {
  pending: readonly Pending[];
  agreementLabels: ReadonlyMap<string, string>;
  locationLabels: ReadonlyMap<string, string>;
}

function pendingOn(db: Database, date: IsoDate): PendingOnDate {
  return cachedFromRegister(db, `destruction-worklist:${date}`, (index) => {
    const pending = pendingDestructionsIn(index, date, findingsFacts(db, date).retainedUntil).map((p): Pending => ({
      ...p,
      dsaId: index.versions.get(p.version.id)?.dsaId ?? '',
      locationIds: p.liveCopies.map((c) => index.copies.get(c.id)?.locationId ?? ''),
    }));
    const agreementLabels = new Map<string, string>();
    const locationLabels = new Map<string, string>();
    for (const p of pending) {
      agreementLabels.set(p.dsaId, index.dsas.get(p.dsaId)?.nicReference ?? p.version.label);
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

/** A page's holding with its live copies (at the filtered location only, when there is one). */
function itemOf(index: RegisterIndex, p: Pending, locationId: string | undefined): WorklistItem {
  const dsa = index.dsas.get(p.dsaId);
  const liveCopies = p.liveCopies.flatMap((ref, i) => {
    if (locationId !== undefined && p.locationIds[i] !== locationId) return [];
    const copy = index.copies.get(ref.id);
    const location = copy ? index.locations.get(copy.locationId) : undefined;
    return [
      {
        copy: ref,
        kind: copy?.kind ?? 'primary',
        location: { kind: 'location' as const, id: copy?.locationId ?? '', label: location?.name ?? 'an unknown location' },
        pathOrDescription: copy?.pathOrDescription ?? null,
      },
    ];
  });
  return {
    holding: p.holding,
    agreement: { kind: 'dsa', id: p.dsaId, label: dsa?.nicReference ?? p.version.label },
    version: p.version,
    rule: p.rule,
    deadline: p.deadline,
    daysLeft: p.daysLeft,
    overdue: p.overdue,
    liveCopies,
  };
}
