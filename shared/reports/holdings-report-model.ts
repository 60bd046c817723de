import { defaultDestructionNote } from '../register/default-destruction-note';
import { compareStrings } from '../register/compare';
import type { IsoDate } from '../register/dates';
import { severities, type Finding, type Severity } from '../register/findings';
import { formatDate } from '../register/format-date';
import { agreementRecordIds } from '../findings/agreement-records';
import { scopeFindingToAgreement } from '../findings/scope-finding';
import { createDeadlineCalculator } from '../register/destruction-deadline';
import { versionLabel } from '../register/record-labels';
import type { ApprovedLocation, Copy, DestructionRule, DsaVersion, Holding, Location, VersionDataset } from '../register/records';
import { finalVersion, indexRegister, isLiveCopy, partiesOf, versionInForce, type RegisterIndex } from '../register/register-index';
import type { RegisterContent } from '../register/snapshot';
import { rolesAllowingCopyKind } from '../register/vocabulary';

/**
 * What an NHS England auditor asks for, for one agreement or the whole register: per agreement
 * version, its terms, datasets and approved locations, every holding received under it, every copy
 * of each (destroyed ones too, with the date) and where it is: the location's operator, kind and
 * country, and which roles the agreement approves it for. And the findings that concern the version.
 *
 * Built from the register and its findings, so the PDF, the XLSX report and the holdings export
 * all say the same thing. Archived records are left out, as the findings leave them out.
 */
export interface HoldingsReportModel {
  asOf: IsoDate;
  /** The agreement reported on, or null for the whole register. */
  agreement: { nicReference: string; title: string | null } | null;
  versions: VersionSection[];
  /** Findings about no version in the report (an organisation's ICO registration…); whole register only. */
  otherFindings: Finding[];
  findingCounts: Record<Severity, number>;
  totals: { agreements: number; versions: number; holdings: number; copies: number; liveCopies: number };
}

export interface VersionSection {
  versionId: string;
  /** "DARS-NIC-00574-V2H1F v4.2" */
  label: string;
  nicReference: string;
  title: string | null;
  version: string;
  status: DsaVersion['status'];
  startDate: IsoDate;
  endDate: IsoDate;
  signedDate: IsoDate | null;
  territory: string;
  commercial: boolean;
  sublicensing: boolean;
  controllers: string[];
  processors: string[];
  dsfc: string | null;
  predecessor: string | null;
  destructionRule: string;
  datasets: DatasetRow[];
  approvals: ApprovalRow[];
  holdings: HoldingRow[];
  findings: Finding[];
}

export interface DatasetRow {
  name: string;
  typeOfData: string | null;
  sensitivity: string | null;
  frequency: string | null;
  optOutsApplied: string | null;
  legalBasis: string | null;
}

export interface ApprovalRow {
  location: string;
  operator: string;
  locationKind: string;
  country: string;
  role: string;
  approvedFrom: IsoDate | null;
  approvedTo: IsoDate | null;
}

export interface HoldingRow {
  holdingId: string;
  fileReference: string;
  dataset: string;
  receivedDate: IsoDate;
  periodFrom: IsoDate | null;
  periodTo: IsoDate | null;
  recordCount: number | null;
  checksum: string | null;
  dataYear: string | null;
  /**
   * When every copy must be gone, from the destruction rule of the last agreed version of the
   * holding's renewal chain, as the findings compute it (shared/register/destruction-deadline.ts).
   * Null under a rolling rule until the next data year of the dataset is received.
   */
  destroyBy: IsoDate | null;
  /** Whether the rule is rolling, so a missing date can be explained. */
  rollingRule: boolean;
  copies: CopyRow[];
}

export interface CopyRow {
  copyId: string;
  kind: string;
  live: boolean;
  location: string;
  locationKind: string;
  operator: string;
  country: string;
  /** Cloud provider and region, when the location is in the cloud. */
  cloud: string | null;
  pathOrDescription: string | null;
  createdDate: IsoDate;
  destroyedDate: IsoDate | null;
  /** The version the data is held under on the report's date (the holding's, or a renewal of it). */
  heldUnder: string;
  /** Roles the version held under approves this location for, on the report's date. */
  approvedRoles: string[];
  /** For a live copy: whether those roles allow a copy of its kind. Null for a destroyed copy. */
  approved: boolean | null;
}

/** Words for the register's codes, as a reader of the report expects them. */
export const locationKindLabels: Record<Location['kind'], string> = {
  'on-premises-server': 'On-premises server',
  'cloud-region': 'Cloud region',
  'trusted-research-environment': 'Trusted research environment',
  backup: 'Backup',
  'disaster-recovery': 'Disaster recovery',
  'end-user-device': 'End-user device',
  'paper-store': 'Paper store',
};
export const copyKindLabels: Record<Copy['kind'], string> = {
  primary: 'Primary',
  backup: 'Backup',
  derived: 'Derived',
  'processor-copy': 'Processor copy',
};

export function describeDestructionRule(rule: DestructionRule): string {
  if (rule.kind === 'days-after-end') return `Destroy every copy within ${rule.days} days after the end date`;
  if (rule.kind === 'fixed-date') return `Destroy every copy by ${formatDate(rule.date)}`;
  return `Destroy each data year within ${rule.weeks} weeks of receiving the next`;
}

const byVersionNumber = (a: string, b: string): number => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

/**
 * Builds the report for the agreement with `nicReference`, or the whole register when it is null.
 * Returns null when no such agreement is in the register (or it is archived).
 */
export function buildHoldingsReport(register: RegisterContent, findings: readonly Finding[], asOf: IsoDate, nicReference: string | null): HoldingsReportModel | null {
  const index = indexRegister(register);
  const dsa = nicReference === null ? null : ([...index.dsas.values()].find((d) => d.nicReference === nicReference) ?? null);
  if (nicReference !== null && dsa === null) return null;

  const versions = [...index.versions.values()]
    .filter((v) => dsa === null || v.dsaId === dsa.id)
    .sort((a, b) => compareStrings(index.dsas.get(a.dsaId)!.nicReference, index.dsas.get(b.dsaId)!.nicReference) || byVersionNumber(a.version, b.version));

  const byVersion = groupRecordsByVersion(index);
  const deadlineOf = createDeadlineCalculator(index);
  const sections = versions.map((v) => versionSection(index, v, asOf, byVersion, deadlineOf, dsa !== null));
  // Each finding goes under the versions whose own records it names (the version, its holdings,
  // copies, datasets…). One naming only shared records (an organisation, a location, a DSFC) is no
  // single agreement's: the whole-register report lists it at the end, an agreement's report leaves
  // it out, as the agreement's screen does (agreementRecordIds is the one definition of both).
  // A finding naming the DSA itself concerns each of its versions.
  const versionsOf = new Map<string, string[]>();
  for (const v of versions) for (const id of [v.dsaId, ...ownIds(index, v, byVersion)]) versionsOf.set(id, [...(versionsOf.get(id) ?? []), v.id]);
  const ownOfAgreement = dsa === null ? null : agreementRecordIds(index, dsa.id);
  const sectionById = new Map(sections.map((s) => [s.versionId, s]));
  const reported: Finding[] = [];
  const otherFindings: Finding[] = [];
  for (const finding of findings) {
    const concerned = new Set(finding.subjects.flatMap((s) => versionsOf.get(s.id) ?? []));
    if (concerned.size === 0) {
      if (dsa === null) otherFindings.push(finding);
      continue;
    }
    // An agreement's report tells only its part of a finding that spans agreements.
    const told = ownOfAgreement === null ? finding : scopeFindingToAgreement(finding, ownOfAgreement);
    for (const versionId of concerned) sectionById.get(versionId)!.findings.push(told);
    reported.push(told);
  }
  if (dsa === null) reported.push(...otherFindings);
  const copies = sections.flatMap((s) => s.holdings.flatMap((h) => h.copies));
  return {
    asOf,
    agreement: dsa ? { nicReference: dsa.nicReference, title: dsa.title } : null,
    versions: sections,
    otherFindings,
    findingCounts: Object.fromEntries(severities.map((s) => [s, reported.filter((f) => f.severity === s).length])) as Record<Severity, number>,
    totals: {
      agreements: new Set(versions.map((v) => v.dsaId)).size,
      versions: versions.length,
      holdings: sections.reduce((n, s) => n + s.holdings.length, 0),
      copies: copies.length,
      liveCopies: copies.filter((c) => c.live).length,
    },
  };
}

type DeadlineOf = (holding: Holding) => IsoDate | null;

function versionSection(index: RegisterIndex, version: DsaVersion, asOf: IsoDate, byVersion: RecordsByVersion, deadlineOf: DeadlineOf, scoped: boolean): VersionSection {
  const dsa = index.dsas.get(version.dsaId)!;
  const name = (id: string) => index.organisations.get(id)?.legalName ?? 'Unknown organisation';
  const predecessor = version.predecessorVersionId ? index.versions.get(version.predecessorVersionId) : undefined;
  const datasets = [...(byVersion.datasets.get(version.id) ?? [])]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((d) => ({ name: d.name, typeOfData: d.typeOfData, sensitivity: d.sensitivity, frequency: d.frequency, optOutsApplied: d.optOutsApplied, legalBasis: d.legalBasisForProvision }));
  const approvals = [...(index.approvalsByVersion.get(version.id) ?? [])]
    .map((a) => approvalRow(index, a))
    .sort((a, b) => compareStrings(a.location, b.location) || compareStrings(a.role, b.role));
  const holdings = [...(index.holdingsByVersion.get(version.id) ?? [])]
    .sort((a, b) => compareStrings(a.receivedDate, b.receivedDate) || compareStrings(a.darsFileReference, b.darsFileReference))
    .map((h) => holdingRow(index, h, asOf, deadlineOf, scoped));
  return {
    versionId: version.id,
    label: versionLabel(index, version),
    nicReference: dsa.nicReference,
    title: dsa.title,
    version: version.version,
    status: version.status,
    startDate: version.startDate,
    endDate: version.endDate,
    signedDate: version.signedDate,
    territory: version.territory,
    commercial: version.commercial,
    sublicensing: version.sublicensing,
    controllers: partiesOf(version, 'controller').map(name).sort(compareStrings),
    processors: partiesOf(version, 'processor').map(name).sort(compareStrings),
    dsfc: version.dsfcId ? (index.dsfcs.get(version.dsfcId)?.reference ?? null) : null,
    predecessor: predecessor ? versionLabel(index, predecessor) : null,
    destructionRule: describeDestructionRule(version.destructionRule) + (version.destructionRuleIsDefault ? ` (${defaultDestructionNote(version.destructionRule)})` : ''),
    datasets,
    approvals,
    holdings,
    findings: [],
  };
}

function approvalRow(index: RegisterIndex, approval: ApprovedLocation): ApprovalRow {
  const location = index.locations.get(approval.locationId)!;
  return {
    location: location.name,
    operator: index.organisations.get(location.operatorOrganisationId)?.legalName ?? 'Unknown organisation',
    locationKind: locationKindLabels[location.kind],
    country: location.country,
    role: approval.role,
    approvedFrom: approval.approvedFrom,
    approvedTo: approval.approvedTo,
  };
}

/** `scoped`: the report is one agreement's, so another agreement's version is not named (see heldUnderLabel). */
function holdingRow(index: RegisterIndex, holding: Holding, asOf: IsoDate, deadlineOf: DeadlineOf, scoped: boolean): HoldingRow {
  const heldUnder = versionInForce(index, holding.versionId, asOf) ?? index.versions.get(holding.versionId)!;
  const copies = [...(index.copiesByHolding.get(holding.id) ?? [])]
    .sort((a, b) => compareStrings(a.createdDate, b.createdDate) || compareStrings(a.id, b.id))
    .map((c) => copyRow(index, c, heldUnder, heldUnderLabel(index, holding, heldUnder, scoped), asOf));
  return {
    holdingId: holding.id,
    fileReference: holding.darsFileReference,
    dataset: index.datasets.get(holding.datasetId)?.name ?? 'Unknown dataset',
    receivedDate: holding.receivedDate,
    periodFrom: holding.periodFrom,
    periodTo: holding.periodTo,
    recordCount: holding.recordCount,
    checksum: holding.checksum,
    dataYear: holding.dataYear,
    destroyBy: deadlineOf(holding),
    rollingRule: finalVersion(index, holding.versionId)?.destructionRule.kind === 'rolling',
    copies,
  };
}

const coversDate = (a: ApprovedLocation, asOf: IsoDate): boolean => (a.approvedFrom === null || a.approvedFrom <= asOf) && (a.approvedTo === null || asOf <= a.approvedTo);

/**
 * The version a holding is held under, named, unless one agreement's report would then name another
 * agreement: a renewal recorded across two DSAs (a data-entry slip, as a NIC reference keeps its
 * versions) must not put the other agreement's reference in front of this one's auditor.
 */
function heldUnderLabel(index: RegisterIndex, holding: Holding, heldUnder: DsaVersion, scoped: boolean): string {
  const received = index.versions.get(holding.versionId);
  if (scoped && received && received.dsaId !== heldUnder.dsaId) return 'a version of another agreement';
  return versionLabel(index, heldUnder);
}

function copyRow(index: RegisterIndex, copy: Copy, heldUnder: DsaVersion, heldUnderText: string, asOf: IsoDate): CopyRow {
  const location = index.locations.get(copy.locationId)!;
  const approvals = (index.approvalsByVersion.get(heldUnder.id) ?? []).filter((a) => a.locationId === location.id && coversDate(a, asOf));
  const approvedRoles = [...new Set(approvals.map((a) => a.role))].sort(compareStrings);
  const live = isLiveCopy(copy, asOf);
  const cloud = [location.cloudProvider, location.cloudRegion].filter(Boolean).join(' ');
  return {
    copyId: copy.id,
    kind: copyKindLabels[copy.kind],
    live,
    location: location.name,
    locationKind: locationKindLabels[location.kind],
    operator: index.organisations.get(location.operatorOrganisationId)?.legalName ?? 'Unknown organisation',
    country: location.country,
    cloud: cloud === '' ? null : cloud,
    pathOrDescription: copy.pathOrDescription,
    createdDate: copy.createdDate,
    destroyedDate: copy.destroyedDate,
    heldUnder: heldUnderText,
    approvedRoles,
    approved: live ? approvedRoles.some((role) => (rolesAllowingCopyKind[copy.kind] as readonly string[]).includes(role)) : null,
  };
}

interface RecordsByVersion {
  datasets: Map<string, VersionDataset[]>;
  obligationIds: Map<string, string[]>;
}

function groupRecordsByVersion(index: RegisterIndex): RecordsByVersion {
  const datasets = new Map<string, VersionDataset[]>();
  for (const d of index.datasets.values()) {
    const list = datasets.get(d.versionId);
    if (list) list.push(d);
    else datasets.set(d.versionId, [d]);
  }
  const obligationIds = new Map<string, string[]>();
  for (const o of index.obligations.values()) {
    if (o.versionId === null) continue;
    const list = obligationIds.get(o.versionId);
    if (list) list.push(o.id);
    else obligationIds.set(o.versionId, [o.id]);
  }
  return { datasets, obligationIds };
}

/** The ids of a version's own records: the version, its datasets, approvals, obligations, holdings and copies. */
function ownIds(index: RegisterIndex, version: DsaVersion, byVersion: RecordsByVersion): Set<string> {
  const own = new Set<string>([version.id]);
  for (const d of byVersion.datasets.get(version.id) ?? []) own.add(d.id);
  for (const a of index.approvalsByVersion.get(version.id) ?? []) own.add(a.id);
  for (const id of byVersion.obligationIds.get(version.id) ?? []) own.add(id);
  for (const h of index.holdingsByVersion.get(version.id) ?? []) {
    own.add(h.id);
    for (const c of index.copiesByHolding.get(h.id) ?? []) own.add(c.id);
  }
  return own;
}
