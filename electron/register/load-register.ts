import type { RegisterConnection } from '../db/register-connection';
import type { RecordKind, RecordOf } from '../../shared/register/records';
import type { RegisterContent } from '../../shared/register/snapshot';
import { readAllRecords } from './record-rows';
import { recordTables } from './record-tables';

/**
 * The whole register as one value, for the findings rules, the snapshot export and the reports.
 *
 * Archived records are included (with `archived: true`): the snapshot must round-trip them, and it is
 * for each reader to decide what an archived record means to it. Records come in the order they were
 * first stored. One prepared query per table and one per list table, never a query per row, so a
 * register of 100,000 copies loads in a fraction of a second (see `npm run bench:register`).
 */
export function loadRegister(db: RegisterConnection): RegisterContent {
  const all = <K extends RecordKind>(kind: K) => readAllRecords(db, recordTables[kind]) as RecordOf<K>[];
  // One read transaction, so that a write from another connection cannot land between two tables.
  return db.transaction(() => ({
    organisations: all('organisation'),
    assurances: all('assurance'),
    dsfcs: all('dsfc'),
    dsas: all('dsa'),
    versions: all('dsaVersion'),
    datasets: all('dataset'),
    locations: all('location'),
    approvedLocations: all('approvedLocation'),
    holdings: all('holding'),
    copies: all('copy'),
    obligations: all('obligation'),
    certificates: all('certificate'),
  }))();
}
