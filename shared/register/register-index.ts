import { compareStrings } from './compare';
import { groupCopiesByHolding, type CopyColumns, type HoldingCopies } from './group-copies';
import { RecordsById } from './records-by-id';
import type { IsoDate } from './dates';
import type {
  ApprovedLocation,
  Assurance,
  Copy,
  Dsa,
  DsaVersion,
  Dsfc,
  Holding,
  Location,
  Obligation,
  Organisation,
  VersionDataset,
} from './records';
import type { RegisterContent } from './snapshot';

/**
 * The register indexed for the rules that read it (findings, deadlines, destruction): every lookup
 * is a Map, so a check over 100,000 copies never scans an array inside a loop.
 *
 * Archived records are left out, and so is a record whose parent is archived or missing (a holding
 * of an archived version, a copy of an archived holding or at an archived location): archiving takes
 * a record and everything hanging from it out of the checks.
 *
 * Order: every grouped list (approvals of a version, holdings of a version…) is sorted by id, so
 * whatever order the register arrives in, a rule sees each group in the same order, except the
 * copies of a holding, which keep the input order (see groupCopiesByHolding): whoever lists copies
 * sorts them. The top-level
 * maps keep the input order (sorting 100,000 copies on every call would cost more than the checks):
 * a rule that builds a list from them sorts it, and computeFindings sorts its result.
 */
export interface RegisterIndex {
  readonly organisations: ReadonlyMap<string, Organisation>;
  readonly dsfcs: ReadonlyMap<string, Dsfc>;
  readonly dsas: ReadonlyMap<string, Dsa>;
  readonly versions: ReadonlyMap<string, DsaVersion>;
  readonly datasets: ReadonlyMap<string, VersionDataset>;
  readonly locations: ReadonlyMap<string, Location>;
  /** Numbered as well as keyed by id: the pass over every copy finds its holding's group by number. */
  readonly holdings: RecordsById<Holding>;
  /** Built on first use: the findings read copies through holdingCopies. */
  readonly copies: ReadonlyMap<string, Copy>;
  readonly obligations: ReadonlyMap<string, Obligation>;
  readonly assurancesByOrganisation: ReadonlyMap<string, readonly Assurance[]>;
  readonly dsfcsByController: ReadonlyMap<string, readonly Dsfc[]>;
  readonly approvalsByVersion: ReadonlyMap<string, readonly ApprovedLocation[]>;
  /** The same approvals by version, then by location: the question every live copy asks. */
  readonly approvalsByVersionLocation: ReadonlyMap<string, ReadonlyMap<string, readonly ApprovedLocation[]>>;
  /** Built on first use: the findings never ask, and grouping 20,000 holdings is a fifth of the index's cost. */
  readonly holdingsByVersion: ReadonlyMap<string, readonly Holding[]>;
  /** Every holding that has copies, with them: what a check over all copies iterates. */
  readonly holdingCopies: readonly HoldingCopies[];
  readonly copyColumns: CopyColumns;
  /** The same groups by holding id, for lookups, built on first use. In input order, not by id: sort before listing. */
  readonly copiesByHolding: ReadonlyMap<string, readonly Copy[]>;
  /** Holdings named by at least one certificate of destruction. */
  readonly certifiedHoldingIds: ReadonlySet<string>;
  /** The version that renews each version, when one has been agreed (not a draft). */
  readonly successorOf: ReadonlyMap<string, DsaVersion>;
  /** Every recorded successor of each version, drafts included (for gaps between versions). */
  readonly successorsOf: ReadonlyMap<string, readonly DsaVersion[]>;
}

export const byId = (a: { id: string }, b: { id: string }): number => compareStrings(a.id, b.id);

function liveById<T extends { id: string; archived: boolean }>(records: readonly T[], keep: (r: T) => boolean = () => true): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) if (!record.archived && keep(record)) map.set(record.id, record);
  return map;
}

/** Most registers arrive in id order already: checking costs one pass, sorting much more. */
function isSortedById(records: readonly { id: string }[]): boolean {
  for (let i = 1; i < records.length; i++) if (records[i - 1]!.id > records[i]!.id) return false;
  return true;
}

/** Records grouped by a key, each group sorted by id. */
export function groupBy<T extends { id: string }>(records: Iterable<T>, key: (r: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(record);
    else groups.set(k, [record]);
  }
  return sortGroups(groups);
}

function sortGroups<T extends { id: string }>(groups: Map<string, T[]>): Map<string, T[]> {
  for (const group of groups.values()) if (!isSortedById(group)) group.sort(byId);
  return groups;
}

export function indexRegister(register: RegisterContent): RegisterIndex {
  const organisations = liveById(register.organisations);
  const dsas = liveById(register.dsas);
  const versions = liveById(register.versions, (v) => dsas.has(v.dsaId));
  const datasets = liveById(register.datasets, (d) => versions.has(d.versionId));
  const locations = liveById(register.locations);
  const holdings = new RecordsById<Holding>();
  for (const h of register.holdings) if (!h.archived && versions.has(h.versionId) && datasets.has(h.datasetId)) holdings.add(h);
  // Copies are most of the register: grouped by holding in one pass, and mapped by id only if
  // someone asks (the findings never do), as a Map of 100,000 entries costs more than a rule.
  const { groups: holdingCopies, columns: copyColumns } = groupCopiesByHolding(register.copies, holdings, locations);
  const dsfcs = liveById(register.dsfcs);
  const obligations = liveById(register.obligations, (o) => (o.versionId === null || versions.has(o.versionId)) && (o.organisationId === null || organisations.has(o.organisationId)));
  const assurances = liveById(register.assurances, (a) => organisations.has(a.organisationId));
  const approvals = liveById(register.approvedLocations, (a) => versions.has(a.versionId) && locations.has(a.locationId));
  const certificates = liveById(register.certificates);

  const certifiedHoldingIds = new Set<string>();
  for (const certificate of certificates.values()) for (const id of certificate.holdingIds) certifiedHoldingIds.add(id);

  const successorsOf = groupBy(versions.values(), (v) => v.predecessorVersionId);
  const successorOf = new Map<string, DsaVersion>();
  for (const [predecessorId, candidates] of successorsOf) {
    // A draft is a renewal not yet agreed: it does not carry the data forward. Of several agreed
    // successors (a data error), the earliest start wins, then the lowest id, so the choice is stable.
    const agreed = candidates.filter((v) => v.status !== 'draft').sort((a, b) => compareStrings(a.startDate, b.startDate) || byId(a, b));
    if (agreed[0]) successorOf.set(predecessorId, agreed[0]);
  }

  const approvalsByVersion = groupBy(approvals.values(), (a) => a.versionId);
  const approvalsByVersionLocation = new Map<string, Map<string, ApprovedLocation[]>>();
  for (const [versionId, list] of approvalsByVersion) approvalsByVersionLocation.set(versionId, groupBy(list, (a) => a.locationId));

  let copies: Map<string, Copy> | undefined;
  let holdingsByVersion: Map<string, Holding[]> | undefined;
  let copiesByHolding: Map<string, readonly Copy[]> | undefined;
  return {
    organisations,
    dsfcs,
    dsas,
    versions,
    datasets,
    locations,
    holdings,
    get copies() {
      if (!copies) {
        copies = new Map();
        for (const group of holdingCopies) for (const copy of group.copies) copies.set(copy.id, copy);
      }
      return copies;
    },
    obligations,
    assurancesByOrganisation: groupBy(assurances.values(), (a) => a.organisationId),
    dsfcsByController: groupBy(dsfcs.values(), (d) => d.controllerOrganisationId),
    approvalsByVersion,
    approvalsByVersionLocation,
    get holdingsByVersion() {
      return (holdingsByVersion ??= groupBy(holdings.values(), (h) => h.versionId));
    },
    holdingCopies,
    copyColumns,
    get copiesByHolding() {
      if (!copiesByHolding) {
        copiesByHolding = new Map();
        for (const group of holdingCopies) copiesByHolding.set(group.holding.id, group.copies);
      }
      return copiesByHolding;
    },
    certifiedHoldingIds,
    successorOf,
    successorsOf,
  };
}

/** A copy still exists on `asOf`: not archived, and not destroyed by then. */
export const isLiveCopy = (copy: Copy, asOf: IsoDate): boolean => !copy.archived && (copy.destroyedDate === null || copy.destroyedDate > asOf);

/** A copy of the index (none is archived) is live unless destroyed on or before the date. */
export const isLiveOn = (destroyed: IsoDate | null, asOf: IsoDate): boolean => destroyed === null || destroyed > asOf;

/** How many of a group's copies are live, read from the index's date column in order rather than from each copy record. */
export function countLive(index: RegisterIndex, group: HoldingCopies, asOf: IsoDate): number {
  const { destroyedDate } = index.copyColumns;
  let live = 0;
  for (let row = group.start; row < group.start + group.copies.length; row++) if (isLiveOn(destroyedDate[row]!, asOf)) live++;
  return live;
}

/** The live copies of a group, in input order; the group's own array when all are live (most are), so nothing is copied. */
export function liveCopiesOfGroup(index: RegisterIndex, group: HoldingCopies, asOf: IsoDate): readonly Copy[] {
  const live = countLive(index, group, asOf);
  if (live === group.copies.length) return group.copies;
  if (live === 0) return [];
  const { destroyedDate } = index.copyColumns;
  return group.copies.filter((_, j) => isLiveOn(destroyedDate[group.start + j]!, asOf));
}

/**
 * The last agreed version in a renewal chain. A renewal continues the agreement, so data received
 * under v1 is held under v2 once v2 is agreed, and must go only when the last version ends.
 */
export function finalVersion(index: RegisterIndex, versionId: string): DsaVersion | null {
  let known = finalVersions.get(index);
  if (!known) finalVersions.set(index, (known = new Map()));
  let final = known.get(versionId);
  if (final === undefined) known.set(versionId, (final = walkRenewals(index, versionId, () => true)));
  return final;
}
const finalVersions = new WeakMap<RegisterIndex, Map<string, DsaVersion | null>>();

/** The version a holding received under `versionId` is held under on `asOf`: renewals that have started. */
export function versionInForce(index: RegisterIndex, versionId: string, asOf: IsoDate): DsaVersion | null {
  return walkRenewals(index, versionId, (successor) => successor.startDate <= asOf);
}

function walkRenewals(index: RegisterIndex, versionId: string, follow: (successor: DsaVersion) => boolean): DsaVersion | null {
  let current = index.versions.get(versionId) ?? null;
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const next = index.successorOf.get(current.id);
    if (!next || seen.has(next.id) || !follow(next)) break;
    current = next;
  }
  return current;
}

/**
 * An active version on `asOf`: status active and not yet ended, whether its term has started or it
 * is signed and about to start (its parties need their DSFC and assurance before data flows).
 */
export const isActiveOn = (version: DsaVersion, asOf: IsoDate): boolean => version.status === 'active' && asOf <= version.endDate;

/** The organisations named as controller or processor on a version. */
export function partiesOf(version: DsaVersion, role?: 'controller' | 'processor'): string[] {
  return [...new Set(version.parties.filter((p) => role === undefined || p.role === role).map((p) => p.organisationId))].sort();
}
