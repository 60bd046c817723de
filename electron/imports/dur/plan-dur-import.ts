import type { z } from 'zod';
import {
  dsaSchema,
  dsaVersionSchema,
  holdingSchema,
  organisationSchema,
  versionDatasetSchema,
  type Dsa,
  type DsaVersion,
  type Holding,
  type Organisation,
  type Party,
  type VersionDataset,
} from '../../../shared/register/records';
import type { DurImportCounts, DurImportKind } from '../../../shared/imports/imports-api';
import type { RegisterContent } from '../../../shared/register/snapshot';
import { DurImportError, type DurPlace } from './dur-import-error';
import type { DurAgreement, DurContent, DurDataset, DurRelease } from './parse-dur';


interface RecordByKind {
  organisation: Organisation;
  dsa: Dsa;
  dsaVersion: DsaVersion;
  dataset: VersionDataset;
  holding: Holding;
}

export type PlannedChange = {
  /** `place`: the row that made the change, to name it if the register refuses the record. */
  [K in DurImportKind]: { kind: K; before: RecordByKind[K] | null; after: RecordByKind[K]; place: DurPlace };
}[DurImportKind];

export interface DurImportPlan {
  /** Records to insert (before null) or update, in an order that satisfies every reference. */
  changes: PlannedChange[];
  counts: Record<DurImportKind, DurImportCounts>;
}

/**
 * Works out what importing the Data Uses Register does to the register, without writing anything:
 *  - organisations: the applicant and each data controller, matched by legal name (ignoring case
 *    and spacing), created when new, given the applicant or controller role when they lack it;
 *  - agreements (DSAs) by NIC reference, and their versions by version number: created, or updated
 *    with the register's dates, flags, texts and controllers (processors recorded by hand stay);
 *  - datasets of each version by name, and holdings (one per released file) by DARS file reference.
 * A value the register leaves blank never blanks out what the user recorded. Applying the same
 * register twice changes nothing the second time. The first problem stops the import, naming the
 * sheet, row and column.
 */
export function planDurImport(register: RegisterContent, dur: DurContent, newId: () => string): DurImportPlan {
  return new DurPlanner(register, newId).plan(dur);
}

const nameKey = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();
const versionKey = (dsaId: string, version: string): string => `${dsaId}\u0000${version}`;
const childKey = (parentId: string, name: string): string => `${parentId}\u0000${nameKey(name)}`;

/** "4.10" after "4.9": versions compare number by number. */
export function compareVersionNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Records the import touches, each with what it was before (null when new) and the row that last set it. */
class Touched<T extends { id: string }> {
  private readonly before = new Map<string, T | null>();
  private readonly after = new Map<string, { record: T; place: DurPlace }>();
  private readonly unchangedIds = new Set<string>();

  current(record: T): T {
    return this.after.get(record.id)?.record ?? record;
  }
  created(record: T, place: DurPlace): void {
    this.before.set(record.id, null);
    this.after.set(record.id, { record, place });
  }
  updated(original: T, next: T, place: DurPlace): void {
    if (!this.before.has(original.id)) this.before.set(original.id, original);
    this.after.set(original.id, { record: next, place });
  }
  /** An existing record the import names but does not change. */
  seen(record: T): void {
    this.unchangedIds.add(record.id);
  }
  changes(): { before: T | null; after: T; place: DurPlace }[] {
    const out: { before: T | null; after: T; place: DurPlace }[] = [];
    for (const [id, { record, place }] of this.after) {
      const before = this.before.get(id) ?? null;
      if (before === null || !sameRecord(before, record)) out.push({ before, after: record, place });
    }
    return out;
  }
  counts(): DurImportCounts {
    const changes = this.changes();
    const created = changes.filter((c) => c.before === null).length;
    const changedIds = new Set(changes.map((c) => c.after.id));
    const unchanged = new Set([...this.unchangedIds, ...this.after.keys()].filter((id) => !changedIds.has(id))).size;
    return { created, updated: changes.length - created, unchanged };
  }
}

const sameRecord = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}

/** Describes a field to a person when the register rejects its value. */
const fieldNames: Record<string, string> = {
  legalName: 'the organisation name',
  title: 'the application title',
  endDate: 'the end date',
  startDate: 'the start date',
  objective: 'the objective',
  processingActivities: 'the processing activities',
  expectedOutputs: 'the expected output',
  expectedBenefits: 'the expected benefits',
  lawfulBases: 'the common law duty of confidentiality',
  name: 'the dataset name',
  legalBasisForProvision: 'the legal basis',
  darsFileReference: 'the file reference',
};

class DurPlanner {
  private readonly organisations = new Touched<Organisation>();
  private readonly dsas = new Touched<Dsa>();
  private readonly versions = new Touched<DsaVersion>();
  private readonly datasets = new Touched<VersionDataset>();
  private readonly holdings = new Touched<Holding>();

  private readonly organisationByName = new Map<string, Organisation>();
  private readonly dsaByNic = new Map<string, Dsa>();
  private readonly versionByKey = new Map<string, DsaVersion>();
  private readonly datasetByKey = new Map<string, VersionDataset>();
  private readonly holdingByKey = new Map<string, Holding>();
  private readonly versionsOfDsa = new Map<string, DsaVersion[]>();

  constructor(
    register: RegisterContent,
    private readonly newId: () => string,
  ) {
    // Archived organisations, datasets and holdings are history: the import makes live ones.
    // Agreements and versions are unique in the register whether archived or not.
    for (const o of register.organisations) if (!o.archived && !this.organisationByName.has(nameKey(o.legalName))) this.organisationByName.set(nameKey(o.legalName), o);
    for (const d of register.dsas) this.dsaByNic.set(d.nicReference, d);
    for (const v of register.versions) {
      this.versionByKey.set(versionKey(v.dsaId, v.version), v);
      if (!v.archived) this.pushVersion(v);
    }
    for (const d of register.datasets) if (!d.archived) this.datasetByKey.set(childKey(d.versionId, d.name), d);
    for (const h of register.holdings) if (!h.archived) this.holdingByKey.set(childKey(h.versionId, h.darsFileReference), h);
  }

  plan(dur: DurContent): DurImportPlan {
    const agreements = distinctRows(dur.agreements, (a) => a.reference, () => null, 'Agreements', 'keep one row per agreement version');
    const datasets = distinctRows(
      dur.datasets,
      (d) => `${d.reference} dataset "${d.name}"`,
      (d) => [d.typeOfData, d.sensitivity, d.frequency, d.legalBasisForProvision, d.commonLawBasis],
      'Datasets',
      'keep one row per dataset of a version',
    );
    const releases = distinctRows(
      dur.releases,
      (r) => `${r.reference} file ${r.fileReference}`,
      (r) => [nameKey(r.dataset), r.releasedMonth, r.optOutsApplied],
      'DataReleases',
      'keep one row per released file',
    );
    const versionIds = new Map<string, string>();
    for (const agreement of agreements) versionIds.set(agreement.reference, this.agreement(agreement, dur));
    for (const dataset of datasets) this.dataset(dataset, this.versionFor(dataset, versionIds), dur);
    for (const release of releases) this.release(release, this.versionFor(release, versionIds), dur);
    this.linkNewVersions();

    const changes: PlannedChange[] = [
      ...this.organisations.changes().map((c) => ({ kind: 'organisation' as const, ...c })),
      ...this.dsas.changes().map((c) => ({ kind: 'dsa' as const, ...c })),
      ...this.versions.changes().map((c) => ({ kind: 'dsaVersion' as const, ...c })),
      ...this.datasets.changes().map((c) => ({ kind: 'dataset' as const, ...c })),
      ...this.holdings.changes().map((c) => ({ kind: 'holding' as const, ...c })),
    ];
    return {
      changes,
      counts: {
        organisation: this.organisations.counts(),
        dsa: this.dsas.counts(),
        dsaVersion: this.versions.counts(),
        dataset: this.datasets.counts(),
        holding: this.holdings.counts(),
      },
    };
  }

  // ---- organisations -------------------------------------------------------------------------

  private organisation(name: string, role: 'applicant' | 'controller', place: DurPlace): Organisation {
    const known = this.organisationByName.get(nameKey(name));
    if (known) {
      const current = this.organisations.current(known);
      if (current.roles.includes(role)) {
        this.organisations.seen(current);
        return current;
      }
      const next = { ...current, roles: [...current.roles, role] };
      this.organisations.updated(known, next, place);
      return next;
    }
    const created = validated(organisationSchema, { id: this.newId(), legalName: name, roles: [role] }, place);
    this.organisations.created(created, place);
    this.organisationByName.set(nameKey(name), created);
    return created;
  }

  // ---- agreements and versions ---------------------------------------------------------------

  /** Creates or updates the agreement and the version of one Agreements row; returns the version's id. */
  private agreement(row: DurAgreement, dur: DurContent): string {
    this.organisation(row.applicant, 'applicant', row.columns.applicant!);
    const controllers = row.controllers.map((name) => this.organisation(name, 'controller', row.columns.controllers!));
    const dsa = this.dsaOf(row);
    const existing = this.versionByKey.get(versionKey(dsa.id, row.version));
    if (existing?.archived) {
      throw new DurImportError(row.place, `${row.reference} is archived in the register; restore it before importing it again`);
    }
    const controllerType = row.controllerType ?? (controllers.length > 1 ? 'joint' : 'sole');
    const controllerParties: Party[] = controllers.map((o) => ({ organisationId: o.id, role: 'controller', controllerType }));
    const commonLawBasis = this.commonLawBasisOf(row, dur);
    const fromDur = {
      startDate: row.startDate,
      endDate: row.endDate,
      ...(row.commercial !== null ? { commercial: row.commercial } : {}),
      ...(row.sublicensing !== null ? { sublicensing: row.sublicensing } : {}),
      ...nonNull({ objective: row.objective, processingActivities: row.processingActivities, expectedOutputs: row.expectedOutputs, expectedBenefits: row.expectedBenefits }),
    };
    if (existing) {
      const current = this.versions.current(existing);
      const processors = current.parties.filter((p) => p.role !== 'controller');
      const next = validated(
        dsaVersionSchema,
        {
          ...current,
          ...fromDur,
          parties: [...controllerParties, ...processors],
          lawfulBases: commonLawBasis ? { ...current.lawfulBases, commonLawBasis } : current.lawfulBases,
        },
        row.place,
        row.columns,
      );
      this.versions.updated(existing, next, row.place);
      this.versionByKey.set(versionKey(dsa.id, row.version), next);
      return next.id;
    }
    const created = validated(
      dsaVersionSchema,
      {
        id: this.newId(),
        dsaId: dsa.id,
        version: row.version,
        status: 'active',
        ...fromDur,
        parties: controllerParties,
        lawfulBases: { article6: null, article9: null, commonLawBasis, s251Reference: null, s251Expiry: null },
      },
      row.place,
      row.columns,
    );
    this.versions.created(created, row.place);
    this.versionByKey.set(versionKey(dsa.id, row.version), created);
    this.pushVersion(created);
    return created.id;
  }

  private dsaOf(row: DurAgreement): Dsa {
    const known = this.dsaByNic.get(row.nicReference);
    if (known?.archived) throw new DurImportError(row.place, `agreement ${row.nicReference} is archived in the register; restore it before importing its versions`);
    if (known) {
      const current = this.dsas.current(known);
      if (row.title === null || row.title === current.title) {
        this.dsas.seen(current);
        return current;
      }
      const next = validated(dsaSchema, { ...current, title: row.title }, row.place, row.columns);
      this.dsas.updated(known, next, row.place);
      this.dsaByNic.set(row.nicReference, next);
      return next;
    }
    const created = validated(dsaSchema, { id: this.newId(), nicReference: row.nicReference, title: row.title }, row.place, row.columns);
    this.dsas.created(created, row.place);
    this.dsaByNic.set(row.nicReference, created);
    return created;
  }

  /** The Datasets sheet states the common-law basis per dataset; the register keeps it per version. */
  private commonLawBasisOf(row: DurAgreement, dur: DurContent): string | null {
    this.commonLawByReference ??= groupValues(dur.datasets, (d) => d.reference, (d) => d.commonLawBasis);
    const values = this.commonLawByReference.get(row.reference);
    return values ? [...values].join('; ') : null;
  }
  private commonLawByReference: Map<string, Set<string>> | undefined;

  private pushVersion(version: DsaVersion): void {
    const list = this.versionsOfDsa.get(version.dsaId);
    if (list) list.push(version);
    else this.versionsOfDsa.set(version.dsaId, [version]);
  }

  /**
   * A new version renews the version before it: its predecessor is the highest earlier version
   * number of the same agreement, and that version is marked superseded if the import created it.
   */
  private linkNewVersions(): void {
    for (const { before, after, place } of this.versions.changes()) {
      if (before !== null) continue;
      const siblings = (this.versionsOfDsa.get(after.dsaId) ?? []).map((v) => this.versions.current(v));
      const earlier = siblings.filter((v) => compareVersionNumbers(v.version, after.version) < 0).sort((a, b) => compareVersionNumbers(b.version, a.version))[0];
      const later = siblings.some((v) => compareVersionNumbers(v.version, after.version) > 0);
      const next = { ...this.versions.current(after), predecessorVersionId: earlier?.id ?? null, status: later ? ('superseded' as const) : ('active' as const) };
      this.versions.created(next, place);
    }
  }

  // ---- datasets and holdings -----------------------------------------------------------------

  /** The id of the version a Datasets or DataReleases row belongs to. */
  private versionFor(row: DurDataset | DurRelease, imported: ReadonlyMap<string, string>): string {
    const id = imported.get(row.reference);
    if (id) return id;
    const dsa = this.dsaByNic.get(row.nicReference);
    const version = dsa ? this.versionByKey.get(versionKey(dsa.id, row.version)) : undefined;
    if (!version) throw new DurImportError(row.place, `${row.reference} is neither in the Agreements sheet nor in the register; add its Agreements row`);
    if (version.archived) throw new DurImportError(row.place, `${row.reference} is archived in the register; restore it before importing its datasets`);
    return version.id;
  }

  private dataset(row: DurDataset, versionId: string, dur: DurContent): VersionDataset {
    const key = childKey(versionId, row.name);
    const fields = {
      ...nonNull({ typeOfData: row.typeOfData, sensitivity: row.sensitivity, frequency: row.frequency, legalBasisForProvision: row.legalBasisForProvision }),
      ...nonNull({ optOutsApplied: this.optOutsOf(row.reference, row.name, dur) }),
    };
    const known = this.datasetByKey.get(key);
    if (known) {
      const current = this.datasets.current(known);
      const next = validated(versionDatasetSchema, { ...current, ...fields }, row.place, row.columns);
      if (sameRecord(next, current)) this.datasets.seen(current);
      else this.datasets.updated(known, next, row.place);
      this.datasetByKey.set(key, next);
      return next;
    }
    const created = validated(versionDatasetSchema, { id: this.newId(), versionId, name: row.name, ...fields }, row.place, row.columns);
    this.datasets.created(created, row.place);
    this.datasetByKey.set(key, created);
    return created;
  }

  /** Opt-outs are stated per released file; the register keeps them per dataset ("Mixed" when they differ). */
  private optOutsOf(reference: string, dataset: string, dur: DurContent): 'Yes' | 'No' | 'Mixed' | null {
    this.optOutsByDataset ??= groupValues(dur.releases, (r) => `${r.reference}\u0000${nameKey(r.dataset)}`, (r) => r.optOutsApplied);
    const values = this.optOutsByDataset.get(`${reference}\u0000${nameKey(dataset)}`);
    if (!values) return null;
    return values.size === 1 ? [...values][0]! : 'Mixed';
  }
  private optOutsByDataset: Map<string, Set<'Yes' | 'No' | 'Mixed'>> | undefined;

  private release(row: DurRelease, versionId: string, dur: DurContent): void {
    const datasetKey = childKey(versionId, row.dataset);
    const known = this.datasetByKey.get(datasetKey);
    // A file of a dataset the Datasets sheet does not list: record the dataset by name so the holding has one.
    const dataset = known
      ? this.datasets.current(known)
      : this.dataset({ place: row.place, nicReference: row.nicReference, version: row.version, reference: row.reference, name: row.dataset, typeOfData: null, sensitivity: null, frequency: null, legalBasisForProvision: null, commonLawBasis: null, columns: { name: row.columns.dataset! } }, versionId, dur);
    const key = childKey(versionId, row.fileReference);
    const existing = this.holdingByKey.get(key);
    if (existing) {
      const current = this.holdings.current(existing);
      // The register gives only the month: a date the user recorded within that month is kept.
      const receivedDate = current.receivedDate.slice(0, 7) === row.releasedMonth.slice(0, 7) ? current.receivedDate : row.releasedMonth;
      const next = validated(holdingSchema, { ...current, datasetId: dataset.id, receivedDate }, row.place, row.columns);
      if (sameRecord(next, current)) this.holdings.seen(current);
      else this.holdings.updated(existing, next, row.place);
      this.holdingByKey.set(key, next);
      return;
    }
    const created = validated(
      holdingSchema,
      { id: this.newId(), versionId, datasetId: dataset.id, darsFileReference: row.fileReference, receivedDate: row.releasedMonth },
      row.place,
      row.columns,
    );
    this.holdings.created(created, row.place);
    this.holdingByKey.set(key, created);
  }
}

/**
 * The rows with repeats removed. A row repeating an earlier one's key is dropped when its values are
 * the same (the register sometimes lists a file twice), and is an error when they differ.
 */
function distinctRows<T extends { place: DurPlace }>(rows: readonly T[], key: (row: T) => string, values: (row: T) => unknown, sheet: string, advice: string): T[] {
  const first = new Map<string, T>();
  const kept: T[] = [];
  for (const row of rows) {
    const k = key(row).toLowerCase();
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, row);
      kept.push(row);
      continue;
    }
    const same = values(row) !== null && sameRecord(values(row), values(earlier));
    if (!same) throw new DurImportError(row.place, `${key(row)} is already in ${sheet} row ${earlier.place.row}${values(row) === null ? '' : ' with different values'}; ${advice}`);
  }
  return kept;
}

/** The distinct non-null values of each group, in the order first seen. */
function groupValues<T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V | null): Map<string, Set<V>> {
  const groups = new Map<string, Set<V>>();
  for (const row of rows) {
    const v = value(row);
    if (v === null) continue;
    const k = key(row);
    const group = groups.get(k);
    if (group) group.add(v);
    else groups.set(k, new Set([v]));
  }
  return groups;
}

function nonNull<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: NonNullable<T[K]> };
}

/**
 * Checks a record against the register's schema. A rejected value is reported at the column it
 * came from when known (e.g. an end date before the start date, at "DSA End Date").
 */
function validated<S extends z.ZodType>(schema: S, value: unknown, place: DurPlace, columns: Record<string, DurPlace> = {}): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const at = columns[field] ?? place;
  const what = at.column ? '' : `${fieldNames[field] ?? field} `;
  throw new DurImportError(at, `${what}${issue.message}`.trim());
}
