import { compareStrings } from '../register/compare';
import { formatDate } from '../register/format-date';
import { copyLabel, refs, type RecordRef } from '../register/record-labels';
import type { Copy, DsaVersion, Holding, Location, Organisation } from '../register/records';
import { partiesOf, type RegisterIndex } from '../register/register-index';
import {
  CERTIFICATE_FORMAT,
  CERTIFICATE_FORMAT_VERSION,
  type CertificateContent,
  type CertificateCopy,
  type CertificateFormatVersion,
  type CertificateHolding,
  type Signatory,
  type SignatoryRole,
} from './certificate-content';
import type { AbsenceCheck, DestructionRecord, EvidenceFile } from './destruction-record';

/** What the destruction tables hold for the copies of a certificate (latest record and check per copy). */
export interface DestructionFacts {
  latestRecord: ReadonlyMap<string, DestructionRecord>;
  evidenceByRecord: ReadonlyMap<string, readonly EvidenceFile[]>;
  latestAbsenceCheck: ReadonlyMap<string, AbsenceCheck>;
}

/** What the person issuing the certificate decides; everything else comes from the register. */
export interface CertificateMeta {
  certificateNumber: string;
  issuedAt: string;
  issuedDate: string;
  organisation: string;
  person: string;
  reason: string;
  retained: string;
  /** Who signs, authorised and carried out the destruction; a role left out prints blank lines to fill in by hand. */
  signatories: Partial<Record<SignatoryRole, SignatoryDetails>>;
  /** The format to build: the current one when issuing, the certificate's own when verification rebuilds it. */
  formatVersion?: CertificateFormatVersion;
  /** The audit chain's head when made; undefined leaves the field out (certificates from before it existed). */
  auditHead?: { seq: number; hash: string } | null;
}

export interface SignatoryDetails {
  name: string | null;
  position?: string | null;
  date?: string | null;
}

/** A copy that stops a certificate being issued, and why, in words. */
export interface LiveCopy {
  copy: RecordRef;
  reason: string;
}

export interface BuiltCertificate {
  content: CertificateContent;
  /** Copies neither destroyed nor covered by a dated exception: a certificate must not be issued. */
  liveCopies: LiveCopy[];
}

const copyKindOrder: Record<Copy['kind'], number> = { primary: 0, backup: 1, derived: 2, 'processor-copy': 3 };

/**
 * Builds the certificate for `holdings` (in the order given) from the register. Used when issuing,
 * and again by verification to rebuild what the certificate would say from today's register.
 */
export function buildCertificate(index: RegisterIndex, version: DsaVersion, holdings: readonly Holding[], facts: DestructionFacts, meta: CertificateMeta): BuiltCertificate {
  const liveCopies: LiveCopy[] = [];
  const exceptions: CertificateContent['statement']['exceptions'] = [];
  const certificateHoldings: CertificateHolding[] = holdings.map((holding) => {
    const copies = [...(index.copiesByHolding.get(holding.id) ?? [])].sort(
      (a, b) => copyKindOrder[a.kind] - copyKindOrder[b.kind] || compareStrings(locationName(index, a), locationName(index, b)) || compareStrings(a.id, b.id),
    );
    if (copies.length === 0) liveCopies.push({ copy: refs.holding(index, holding), reason: 'no copies of this holding are recorded, so nothing shows it was destroyed: record its copies and how each was destroyed' });
    const certificateCopies = copies.map((copy) => {
      const record = facts.latestRecord.get(copy.id) ?? null;
      const blocker = whyLive(copy, record);
      if (blocker) liveCopies.push({ copy: refs.copy(index, copy), reason: blocker });
      if (record?.outcome === 'destroyed-with-exceptions' && record.exceptionEndDate && record.exceptionReason)
        exceptions.push({ copyId: copy.id, copy: copyLabel(index, copy), reason: record.exceptionReason, endDate: record.exceptionEndDate });
      return certificateCopy(index, copy, record, facts);
    });
    const dataset = index.datasets.get(holding.datasetId);
    return {
      id: holding.id,
      darsFileReference: holding.darsFileReference,
      dataset: dataset?.name ?? 'Unknown dataset',
      dataYear: holding.dataYear,
      periodFrom: holding.periodFrom,
      periodTo: holding.periodTo,
      receivedDate: holding.receivedDate,
      recordCount: holding.recordCount,
      checksum: holding.checksum,
      copies: certificateCopies,
    };
  });

  const dsa = index.dsas.get(version.dsaId);
  const dsfc = version.dsfcId ? index.dsfcs.get(version.dsfcId) : undefined;
  const controllers = partiesOf(version, 'controller').map((id) => party(index.organisations.get(id), id));
  const processors = partiesOf(version, 'processor').map((id) => party(index.organisations.get(id), id));
  const allDestroyed = exceptions.length === 0;
  const formatVersion = meta.formatVersion ?? CERTIFICATE_FORMAT_VERSION;
  if (formatVersion === 1) for (const h of certificateHoldings) for (const c of h.copies) if (c.destruction) c.destruction = withoutNistFields(c.destruction);
  const content: CertificateContent = {
    format: CERTIFICATE_FORMAT,
    formatVersion,
    certificateNumber: meta.certificateNumber,
    issuedDate: meta.issuedDate,
    issuedAt: meta.issuedAt,
    issuedBy: { organisation: meta.organisation, person: meta.person },
    agreement: {
      dsaReference: dsa?.nicReference ?? 'Unknown agreement',
      title: dsa?.title ?? null,
      version: version.version,
      versionId: version.id,
      startDate: version.startDate,
      endDate: version.endDate,
      dsfcReference: dsfc?.reference ?? null,
    },
    controllers,
    processors,
    reason: meta.reason,
    holdings: certificateHoldings,
    statement: {
      allDestroyed,
      text: allDestroyed
        ? 'All copies of the data listed in this certificate, including backups, have been destroyed.'
        : 'All copies of the data listed in this certificate, including backups, have been destroyed, except the copies listed as exceptions, which will be destroyed by the end dates shown.',
      exceptions,
    },
    retained: meta.retained,
    signatories: formatVersion === 1 ? legacySignatories(controllers, processors, meta.signatories) : signatories(controllers, processors, meta.signatories),
    ...(meta.auditHead !== undefined ? { auditHead: meta.auditHead } : {}),
  };
  return { content, liveCopies };
}

function whyLive(copy: Copy, record: DestructionRecord | null): string | null {
  if (!record) {
    return copy.destroyedDate
      ? `marked destroyed on ${formatDate(copy.destroyedDate)} but how it was destroyed is not recorded: record its destruction`
      : 'no destruction is recorded for this copy';
  }
  switch (record.outcome) {
    case 'not-destroyed':
      return `recorded as not destroyed (${record.performedAt.slice(0, 10)}): destroy it and record the destruction`;
    case 'destroyed-with-exceptions':
      return null;
    case 'destroyed':
      return copy.destroyedDate ? null : 'its destruction is recorded but the copy has no destroyed date in the register: check the copy record';
  }
}

function locationName(index: RegisterIndex, copy: Copy): string {
  return index.locations.get(copy.locationId)?.name ?? '';
}

function place(location: Location | undefined): string | null {
  if (!location) return null;
  if (location.cloudProvider || location.cloudRegion) return [location.cloudProvider, location.cloudRegion].filter(Boolean).join(' ');
  return location.address;
}

function certificateCopy(index: RegisterIndex, copy: Copy, record: DestructionRecord | null, facts: DestructionFacts): CertificateCopy {
  const location = index.locations.get(copy.locationId);
  const operator = location ? index.organisations.get(location.operatorOrganisationId)?.legalName : undefined;
  const check = facts.latestAbsenceCheck.get(copy.id);
  return {
    id: copy.id,
    kind: copy.kind,
    location: { id: copy.locationId, name: location?.name ?? 'Unknown location', kind: location?.kind ?? 'unknown', operator: operator ?? 'Unknown operator', place: place(location) },
    pathOrDescription: copy.pathOrDescription,
    createdDate: copy.createdDate,
    destroyedDate: copy.destroyedDate,
    destruction: record
      ? {
          id: record.id,
          methodType: record.methodType,
          method: record.method,
          tool: record.tool,
          toolVersion: record.toolVersion,
          performedAt: record.performedAt,
          operator: record.operator,
          verificationMethod: record.verificationMethod,
          verificationResult: record.verificationResult,
          outcome: record.outcome,
          exceptionReason: record.exceptionReason,
          exceptionEndDate: record.exceptionEndDate,
          sanitisationStandard: record.sanitisationStandard,
          cryptographicErase: record.cryptographicErase,
          keyHandling: record.keyHandling,
          validationMethod: record.validationMethod,
          validationResult: record.validationResult,
        }
      : null,
    absenceCheck: check ? { pathChecked: check.pathChecked, checkedAt: check.checkedAt, result: check.result, detail: check.detail } : null,
    evidence: (record ? (facts.evidenceByRecord.get(record.id) ?? []) : []).map((e) => ({ id: e.id, fileName: e.originalName, sha256: e.sha256, sizeBytes: e.sizeBytes })),
  };
}

function party(organisation: Organisation | undefined, id: string) {
  return { id, name: organisation?.legalName ?? 'Unknown organisation', odsCode: organisation?.odsCode ?? null };
}

const listParties = (parties: readonly { name: string }[]) => (parties.length ? parties.map((p) => p.name).join(', ') : 'not named on the agreement');

function signatories(controllers: readonly { name: string }[], processors: readonly { name: string }[], people: CertificateMeta['signatories']): Signatory[] {
  const person = (role: SignatoryRole, title: string): Signatory => ({
    role,
    title,
    name: people[role]?.name ?? null,
    position: people[role]?.position ?? null,
    date: people[role]?.date ?? null,
  });
  return [
    person('recipient-dpo', `Data Protection Officer of the recipient (${listParties(controllers)})`),
    person('processor-dpo', `Data Protection Officer of the processor (${listParties(processors)})`),
    person('authorised-by', 'Destruction authorised by'),
    person('carried-out-by', 'Destruction carried out by'),
    person('validator', 'Validated by (a second person who checked the destruction)'),
  ];
}

/** Version 1 certificates: three signature blocks with a name only, exactly as they were issued. */
function legacySignatories(controllers: readonly { name: string }[], processors: readonly { name: string }[], people: CertificateMeta['signatories']): Signatory[] {
  return [
    { role: 'recipient-dpo', title: `Data Protection Officer of the recipient (${listParties(controllers)})`, name: people['recipient-dpo']?.name ?? null },
    { role: 'processor-dpo', title: `Data Protection Officer of the processor (${listParties(processors)})`, name: people['processor-dpo']?.name ?? null },
    { role: 'validator', title: 'Validated by (a second person who checked the destruction)', name: people.validator?.name ?? null },
  ];
}

function withoutNistFields(destruction: NonNullable<CertificateCopy['destruction']>): NonNullable<CertificateCopy['destruction']> {
  const { sanitisationStandard: _s, cryptographicErase: _c, keyHandling: _k, validationMethod: _vm, validationResult: _vr, ...rest } = destruction;
  return rest;
}

/** The holdings a certificate for a DSA version covers when none are chosen: those received under it. */
export function holdingsOfVersion(index: RegisterIndex, versionId: string): Holding[] {
  return (index.holdingsByVersion.get(versionId) ?? [])
    .slice()
    .sort((a, b) => compareStrings(a.receivedDate, b.receivedDate) || compareStrings(a.darsFileReference, b.darsFileReference) || compareStrings(a.id, b.id));
}

/** The reason printed by default, from the version's destruction rule. */
export function defaultReason(version: DsaVersion, nicReference: string): string {
  const rule = version.destructionRule;
  switch (rule.kind) {
    case 'days-after-end':
      return `End of agreement: ${nicReference} v${version.version} ended on ${formatDate(version.endDate)}, and its destruction rule requires the data to be destroyed within ${rule.days} days of the end date.`;
    case 'fixed-date':
      return `The agreement ${nicReference} v${version.version} requires the data to be destroyed by ${formatDate(rule.date)}.`;
    case 'rolling':
      return `Rolling destruction under ${nicReference} v${version.version}: each data year is destroyed within ${rule.weeks} weeks of the next year's data being received.`;
  }
}
