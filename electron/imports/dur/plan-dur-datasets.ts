import { versionDatasetSchema, type VersionDataset } from '../../../shared/register/records';
import type { RegisterContent } from '../../../shared/register/snapshot';
import { nonNull, validated } from './build-dur-record';
import { childKey, nameKey } from './dur-plan-keys';
import { groupValues } from './group-values';
import type { DurContent, DurDataset, DurRelease } from './parse-dur';
import { sameRecord } from './same-record';
import { Touched } from './touched-records';

/** The datasets of each version, by name: created, or updated with what the register states about them. */
export class DatasetPlanner {
  readonly touched = new Touched<VersionDataset>();
  private readonly byKey = new Map<string, VersionDataset>();

  constructor(
    register: RegisterContent,
    private readonly newId: () => string,
  ) {
    // Archived datasets are history: the import makes live ones.
    for (const d of register.datasets) if (!d.archived) this.byKey.set(childKey(d.versionId, d.name), d);
  }

  dataset(row: DurDataset, versionId: string, dur: DurContent): VersionDataset {
    const key = childKey(versionId, row.name);
    const fields = {
      ...nonNull({ typeOfData: row.typeOfData, sensitivity: row.sensitivity, frequency: row.frequency, legalBasisForProvision: row.legalBasisForProvision }),
      ...nonNull({ optOutsApplied: this.optOutsOf(row.reference, row.name, dur) }),
    };
    const known = this.byKey.get(key);
    if (known) {
      const current = this.touched.current(known);
      const next = validated(versionDatasetSchema, { ...current, ...fields }, row.place, row.columns);
      if (sameRecord(next, current)) this.touched.seen(current);
      else this.touched.updated(known, next, row.place);
      this.byKey.set(key, next);
      return next;
    }
    const created = validated(versionDatasetSchema, { id: this.newId(), versionId, name: row.name, ...fields }, row.place, row.columns);
    this.touched.created(created, row.place);
    this.byKey.set(key, created);
    return created;
  }

  /** The dataset a DataReleases row's file belongs to. */
  ofRelease(row: DurRelease, versionId: string, dur: DurContent): VersionDataset {
    const known = this.byKey.get(childKey(versionId, row.dataset));
    // A file of a dataset the Datasets sheet does not list: record the dataset by name so the holding has one.
    return known
      ? this.touched.current(known)
      : this.dataset({ place: row.place, nicReference: row.nicReference, version: row.version, reference: row.reference, name: row.dataset, typeOfData: null, sensitivity: null, frequency: null, legalBasisForProvision: null, commonLawBasis: null, columns: { name: row.columns.dataset! } }, versionId, dur);
  }

  /** Opt-outs are stated per released file; the register keeps them per dataset ("Mixed" when they differ). */
  private optOutsOf(reference: string, dataset: string, dur: DurContent): 'Yes' | 'No' | 'Mixed' | null {
    this.optOutsByDataset ??= groupValues(dur.releases, (r) => `${r.reference}\u0000${nameKey(r.dataset)}`, (r) => r.optOutsApplied);
    const values = this.optOutsByDataset.get(`${reference}\u0000${nameKey(dataset)}`);
    if (!values) return null;
    return values.size === 1 ? [...values][0]! : 'Mixed';
  }
  private optOutsByDataset: Map<string, Set<'Yes' | 'No' | 'Mixed'>> | undefined;
}
