import type { RegisterConnection } from '../db/register-connection';
import { effectiveStatus } from '../../shared/findings/finding-status';
import type { IsoDate } from '../../shared/register/dates';
import { createDeadlineCalculator } from '../../shared/register/destruction-deadline';
import type { Finding } from '../../shared/register/findings';
import type { CopyFacts, DsaFacts, HoldingFacts, LocationFlag } from '../../shared/register/list-facts';
import { versionLabel } from '../../shared/register/record-labels';
import type { DsaVersion } from '../../shared/register/records';
import { countLive, partiesOf, type RegisterIndex } from '../../shared/register/register-index';
import { compareVersions } from '../../shared/register/version-order';
import { readFindingStatuses } from '../findings/finding-status-service';
import { cachedFromRegister } from './register-cache';
import { cachedRegisterFindings } from './register-findings';

/**
 * The facts lists show beyond records' own fields (shared/register/list-facts.ts), for every
 * agreement, holding and copy at once: a list sorted by live copies or destroy-by date must know
 * them all to choose a page. Computed once per change to the register and date, from the same
 * findings and destroy-by computation the Dashboard uses, so a list never disagrees with it.
 *
 * Open findings are counted afresh on each call (statuses change without the register changing):
 * from the agreement's findings, less those a stored decision still holds for (a handful).
 */
export interface ListFacts {
  dsa: ReadonlyMap<string, DsaFacts>;
  holding: ReadonlyMap<string, HoldingFacts>;
  copy: ReadonlyMap<string, CopyFacts>;
}

export interface RegisterFacts {
  dsa: Map<string, Omit<DsaFacts, 'openFindings'>>;
  findingsByDsa: Map<string, Finding[]>;
  findingById: Map<string, { finding: Finding; dsaIds: string[] }>;
  holding: Map<string, HoldingFacts>;
  copy: Map<string, CopyFacts>;
}

const NO_FLAGS: CopyFacts = { locationFlags: [] };

/** The facts of every record on the date, before finding statuses: remembered until the register changes. */
export function registerFacts(db: RegisterConnection, asOf: IsoDate): RegisterFacts {
  return cachedFromRegister(db, `list-facts:${asOf}`, (index) => computeFacts(db, index, asOf));
}

export function listFacts(db: RegisterConnection, asOf: IsoDate): ListFacts {
  const facts = registerFacts(db, asOf);
  const stored = readFindingStatuses(db);
  const closed = new Map<string, number>();
  for (const [findingId, decision] of stored) {
    const entry = facts.findingById.get(findingId);
    if (!entry || effectiveStatus(decision, entry.finding, asOf).state === 'open') continue;
    for (const dsaId of entry.dsaIds) closed.set(dsaId, (closed.get(dsaId) ?? 0) + 1);
  }
  const dsa = new Map<string, DsaFacts>();
  for (const [id, base] of facts.dsa) {
    dsa.set(id, { ...base, openFindings: (facts.findingsByDsa.get(id)?.length ?? 0) - (closed.get(id) ?? 0) });
  }
  return { dsa, holding: facts.holding, copy: facts.copy };
}

function computeFacts(db: RegisterConnection, index: RegisterIndex, asOf: IsoDate): RegisterFacts {
  const findings = cachedRegisterFindings(db, asOf);

  // Which agreement each of its own records belongs to (as shared/findings/agreement-records.ts defines them).
  const dsaOf = new Map<string, string>();
  const versionsByDsa = new Map<string, DsaVersion[]>();
  for (const dsaId of index.dsas.keys()) {
    dsaOf.set(dsaId, dsaId);
    versionsByDsa.set(dsaId, []);
  }
  for (const version of index.versions.values()) {
    dsaOf.set(version.id, version.dsaId);
    versionsByDsa.get(version.dsaId)?.push(version);
    for (const approval of index.approvalsByVersion.get(version.id) ?? []) dsaOf.set(approval.id, version.dsaId);
    // Copies are looked up through their holding when a finding names one (below): making a map
    // entry for each of 100,000 copies was most of this function's time.
    for (const holding of index.holdingsByVersion.get(version.id) ?? []) dsaOf.set(holding.id, version.dsaId);
  }
  for (const dataset of index.datasets.values()) {
    const dsaId = dsaOf.get(dataset.versionId);
    if (dsaId) dsaOf.set(dataset.id, dsaId);
  }
  for (const obligation of index.obligations.values()) {
    const dsaId = obligation.versionId === null ? undefined : dsaOf.get(obligation.versionId);
    if (dsaId) dsaOf.set(obligation.id, dsaId);
  }

  const agreementOf = (subject: { kind: string; id: string }): string | undefined => {
    if (subject.kind !== 'copy') return dsaOf.get(subject.id);
    const holdingId = index.copies.get(subject.id)?.holdingId;
    return holdingId === undefined ? undefined : dsaOf.get(holdingId);
  };
  const findingsByDsa = new Map<string, Finding[]>();
  const findingById = new Map<string, { finding: Finding; dsaIds: string[] }>();
  const copy = new Map<string, CopyFacts>();
  // Overdue exactly when DESTRUCTION_OVERDUE says so (copies kept under a dated exception are not).
  const overdue = new Set<string>();
  const flag = (copyId: string, value: LocationFlag) => {
    const flags = (copy.get(copyId) ?? NO_FLAGS).locationFlags;
    if (!flags.includes(value)) copy.set(copyId, { locationFlags: [...flags, value] });
  };
  for (const finding of findings) {
    const dsaIds = [...new Set(finding.subjects.map((s) => agreementOf(s)).filter((d): d is string => d !== undefined))];
    findingById.set(finding.id, { finding, dsaIds });
    for (const dsaId of dsaIds) {
      let list = findingsByDsa.get(dsaId);
      if (!list) findingsByDsa.set(dsaId, (list = []));
      list.push(finding);
    }
    const flagged: LocationFlag | null =
      finding.code === 'COPY_AT_UNAPPROVED_LOCATION' ? 'unapproved' : finding.code === 'LOCATION_OUTSIDE_TERRITORY' ? 'outside-territory' : null;
    if (flagged) for (const subject of finding.subjects) if (subject.kind === 'copy') flag(subject.id, flagged);
    if (finding.code === 'DESTRUCTION_OVERDUE') for (const subject of finding.subjects) if (subject.kind === 'holding') overdue.add(subject.id);
  }

  const liveByHolding = new Map<string, number>();
  for (const group of index.holdingCopies) liveByHolding.set(group.holding.id, countLive(index, group, asOf));

  const deadlineOf = createDeadlineCalculator(index);
  const holding = new Map<string, HoldingFacts>();
  const agreements = new Map<string, HoldingFacts['agreement']>(); // one per agreement, shared by its holdings
  for (const h of index.holdings.values()) {
    const liveCopies = liveByHolding.get(h.id) ?? 0;
    const hasCopies = liveByHolding.has(h.id);
    const state = liveCopies > 0 ? (overdue.has(h.id) ? 'overdue' : 'live') : !hasCopies ? 'no-copies' : index.certifiedHoldingIds.has(h.id) ? 'certified' : 'destroyed';
    const dsaId = index.versions.get(h.versionId)?.dsaId ?? '';
    let agreement = agreements.get(dsaId);
    if (!agreement) agreements.set(dsaId, (agreement = { id: dsaId, label: index.dsas.get(dsaId)?.nicReference ?? 'an agreement no longer in the register' }));
    holding.set(h.id, { agreement, liveCopies, destroyBy: deadlineOf(h), state });
  }

  const dsa = new Map<string, Omit<DsaFacts, 'openFindings'>>();
  for (const [dsaId, versions] of versionsByDsa) {
    const current = currentVersion(versions, asOf);
    let liveCopies = 0;
    for (const v of versions) for (const h of index.holdingsByVersion.get(v.id) ?? []) liveCopies += liveByHolding.get(h.id) ?? 0;
    dsa.set(dsaId, {
      currentVersion: current ? { id: current.id, label: versionLabel(index, current) } : null,
      status: current?.status ?? null,
      startDate: current?.startDate ?? null,
      endDate: current?.endDate ?? null,
      controllers: current
        ? partiesOf(current, 'controller').map((id) => ({ id, label: index.organisations.get(id)?.legalName ?? 'an organisation no longer in the register' }))
        : [],
      liveCopies,
    });
  }
  return { dsa, findingsByDsa, findingById, holding, copy };
}

/** The version in force on the date; failing that the newest agreed (not draft) one; failing that the newest. */
export function currentVersion(versions: readonly DsaVersion[], asOf: IsoDate): DsaVersion | null {
  const newestFirst = [...versions].sort((a, b) => compareVersions(b.version, a.version));
  return (
    newestFirst.find((v) => v.status === 'active' && v.startDate <= asOf && asOf <= v.endDate) ??
    newestFirst.find((v) => v.status !== 'draft') ??
    newestFirst[0] ??
    null
  );
}
