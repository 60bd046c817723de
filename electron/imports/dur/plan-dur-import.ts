import type { DestructionRule, Dsa, DsaVersion, Holding, Organisation, VersionDataset } from '../../../shared/register/records';
import type { DurImportCounts, DurImportKind } from '../../../shared/imports/imports-api';
import type { RegisterContent } from '../../../shared/register/snapshot';
import { DurImportError, type DurPlace } from './dur-import-error';
import { nameKey } from './dur-plan-keys';
import type { DurContent } from './parse-dur';
import { DsaPlanner } from './plan-dur-agreements';
import { DatasetPlanner } from './plan-dur-datasets';
import { HoldingPlanner } from './plan-dur-holdings';
import { OrganisationPlanner } from './plan-dur-organisations';
import { VersionPlanner } from './plan-dur-versions';
import { sameRecord } from './same-record';


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
export function planDurImport(register: RegisterContent, dur: DurContent, newId: () => string, destructionRule?: DestructionRule): DurImportPlan {
  const organisations = new OrganisationPlanner(register, newId);
  const dsas = new DsaPlanner(register, newId);
  const versions = new VersionPlanner(register, newId, organisations, dsas, destructionRule);
  const datasets = new DatasetPlanner(register, newId);
  const holdings = new HoldingPlanner(register, newId, datasets);

  const agreementRows = distinctRows(dur.agreements, (a) => a.reference, () => null, 'Agreements', 'keep one row per agreement version');
  const datasetRows = distinctRows(
    dur.datasets,
    (d) => `${d.reference} dataset "${d.name}"`,
    (d) => [d.typeOfData, d.sensitivity, d.frequency, d.legalBasisForProvision, d.commonLawBasis],
    'Datasets',
    'keep one row per dataset of a version',
  );
  const releaseRows = distinctRows(
    dur.releases,
    (r) => `${r.reference} file ${r.fileReference}`,
    (r) => [nameKey(r.dataset), r.releasedMonth, r.optOutsApplied],
    'DataReleases',
    'keep one row per released file',
  );
  const versionIds = new Map<string, string>();
  for (const agreement of agreementRows) versionIds.set(agreement.reference, versions.agreement(agreement, dur));
  for (const dataset of datasetRows) datasets.dataset(dataset, versions.versionFor(dataset, versionIds), dur);
  for (const release of releaseRows) holdings.release(release, versions.versionFor(release, versionIds), dur);
  versions.linkNewVersions();

  const changes: PlannedChange[] = [
    ...organisations.touched.changes().map((c) => ({ kind: 'organisation' as const, ...c })),
    ...dsas.touched.changes().map((c) => ({ kind: 'dsa' as const, ...c })),
    ...versions.touched.changes().map((c) => ({ kind: 'dsaVersion' as const, ...c })),
    ...datasets.touched.changes().map((c) => ({ kind: 'dataset' as const, ...c })),
    ...holdings.touched.changes().map((c) => ({ kind: 'holding' as const, ...c })),
  ];
  return {
    changes,
    counts: {
      organisation: organisations.touched.counts(),
      dsa: dsas.touched.counts(),
      dsaVersion: versions.touched.counts(),
      dataset: datasets.touched.counts(),
      holding: holdings.touched.counts(),
    },
  };
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
