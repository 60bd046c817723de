import { z } from 'zod';
import type { RegisterIndex } from './register-index';
import { recordId, recordKinds, type Assurance, type Copy, type DsaVersion, type Dsfc, type Holding, type Location, type Obligation, type Organisation, type RecordKind } from './records';

/**
 * How a record is named to a person: in findings, deadlines, the timeline and the CLI. Labels use
 * references the user recognises from their paperwork (NIC reference and version, DARS file
 * reference, location name) rather than internal ids.
 */
export const recordRefSchema = z.object({
  kind: z.enum(recordKinds as [RecordKind, ...RecordKind[]]),
  id: recordId,
  label: z.string(),
});
export type RecordRef = z.infer<typeof recordRefSchema>;

export function versionLabel(index: RegisterIndex, version: DsaVersion): string {
  const nic = index.dsas.get(version.dsaId)?.nicReference ?? 'Unknown agreement';
  return `${nic} v${version.version}`;
}

export function holdingLabel(index: RegisterIndex, holding: Holding): string {
  const version = index.versions.get(holding.versionId);
  return version ? `${holding.darsFileReference} (${versionLabel(index, version)})` : holding.darsFileReference;
}

const copyKindLabels: Record<Copy['kind'], string> = {
  primary: 'Primary copy',
  backup: 'Backup copy',
  derived: 'Derived copy',
  'processor-copy': 'Processor copy',
};

export function copyLabel(index: RegisterIndex, copy: Copy): string {
  const holding = index.holdings.get(copy.holdingId);
  const location = index.locations.get(copy.locationId);
  return `${copyKindLabels[copy.kind]} of ${holding?.darsFileReference ?? 'an unknown holding'} at ${location?.name ?? 'an unknown location'}`;
}

export function assuranceLabel(assurance: Assurance): string {
  if (assurance.kind === 'ISO27001') return `ISO 27001 certificate ${assurance.certificateNumber ?? ''}`.trim();
  const year = assurance.dsptYear ? ` ${assurance.dsptYear}` : '';
  return `DSPT${year} (${assurance.dsptStatus ?? 'no status'})`;
}

/** Obligations are named by the start of their text, cut at a word so the label stays one line. */
export function obligationLabel(obligation: Obligation, max = 60): string {
  const text = obligation.text.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

export const refs = {
  version: (index: RegisterIndex, v: DsaVersion): RecordRef => ({ kind: 'dsaVersion', id: v.id, label: versionLabel(index, v) }),
  holding: (index: RegisterIndex, h: Holding): RecordRef => ({ kind: 'holding', id: h.id, label: holdingLabel(index, h) }),
  copy: (index: RegisterIndex, c: Copy): RecordRef => ({ kind: 'copy', id: c.id, label: copyLabel(index, c) }),
  location: (l: Location): RecordRef => ({ kind: 'location', id: l.id, label: l.name }),
  organisation: (o: Organisation): RecordRef => ({ kind: 'organisation', id: o.id, label: o.legalName }),
  dsfc: (d: Dsfc): RecordRef => ({ kind: 'dsfc', id: d.id, label: d.reference }),
  assurance: (a: Assurance): RecordRef => ({ kind: 'assurance', id: a.id, label: assuranceLabel(a) }),
  obligation: (o: Obligation): RecordRef => ({ kind: 'obligation', id: o.id, label: obligationLabel(o) }),
};
