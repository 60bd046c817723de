import type { RegisterConnection } from '../../electron/db/register-connection';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../electron/db/open-database';
import { DurImportError } from '../../electron/imports/dur/dur-import-error';
import { importDur } from '../../electron/imports/dur/import-dur';
import { listAuditEntries } from '../../electron/register/audit-log';
import { verifyAuditChain } from '../../electron/register/audit-verify';
import { loadRegister } from '../../electron/register/load-register';
import { findRecords, patchRecord, replaceRecord } from '../../electron/register/register-service';
import type { RegisterContent } from '../../shared/register/snapshot';
import { durReferences, realisticDur, writeDurCsvFolder, writeDurWorkbook, type DurSheets } from '../helpers/dur-fixture';
import { testActor } from '../helpers/register-seed';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: RegisterConnection;
beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(temp.path('register.sqlite'), { create: true }).db;
});
afterEach(() => {
  db.close();
  temp.remove();
});

const actor = testActor();
const workbook = (sheets: Partial<DurSheets> = realisticDur(), name = 'DUR.xlsx', options = {}) => writeDurWorkbook(temp.path(name), sheets, options);

async function importError(paths: string[]): Promise<DurImportError> {
  try {
    await importDur(db, actor, paths);
  } catch (error) {
    if (error instanceof DurImportError) return error;
    throw error;
  }
  throw new Error('the import did not fail');
}

function versionOf(register: RegisterContent, reference: string) {
  const [, nic, version] = /^(.*)-v([\d.]+)$/.exec(reference)!;
  const dsa = register.dsas.find((d) => d.nicReference === nic)!;
  return register.versions.find((v) => v.dsaId === dsa.id && v.version === version)!;
}

describe('custodian import dur: an XLSX workbook', () => {
  it('creates agreements, versions, organisations, datasets and holdings from the three sheets', async () => {
    const summary = await importDur(db, actor, [await workbook()]);
    const register = loadRegister(db);

    expect(register.dsas.map((d) => d.nicReference).sort()).toEqual([
      'DARS-NIC-00574-V2H1F', 'DARS-NIC-123456-AB1CD', 'DARS-NIC-387117-Q8K2M', 'DARS-NIC-411223-K3L9P',
      'DARS-NIC-502918-Z7Y6X', 'DARS-NIC-610045-M2N4Q', 'DARS-NIC-730101-T5R8S',
    ]);
    expect(register.versions).toHaveLength(8);
    expect(summary.counts.dsaVersion).toEqual({ created: 8, updated: 0, unchanged: 0 });
    expect(summary.sheetsRead).toEqual(['Agreements', 'Datasets', 'DataReleases']);

    // The renewal: v4.2 follows v4.1, which is superseded.
    const v41 = versionOf(register, durReferences.leedsV41);
    const v42 = versionOf(register, durReferences.leedsV42);
    expect(v42).toMatchObject({ startDate: '2024-04-01', endDate: '2027-03-31', predecessorVersionId: v41.id, status: 'active' });
    expect(v41.status).toBe('superseded');
    expect(v42.objective).toContain('readmission within 30 days');
    expect(v42.lawfulBases.commonLawBasis).toBe('Does not include the flow of confidential data; Section 251 approval is in place');

    // Joint controllers from two lines of one cell; the applicant is the same organisation as one of them.
    const oxford = versionOf(register, durReferences.oxford);
    const names = (ids: string[]) => ids.map((id) => register.organisations.find((o) => o.id === id)!.legalName);
    expect(names(oxford.parties.map((p) => p.organisationId))).toEqual(['University of Oxford', 'Oxford University Hospitals NHS Foundation Trust']);
    expect(oxford.parties.every((p) => p.role === 'controller' && p.controllerType === 'joint')).toBe(true);
    const oxfordUni = register.organisations.find((o) => o.legalName === 'University of Oxford')!;
    expect(oxfordUni.roles.sort()).toEqual(['applicant', 'controller']);
    expect(versionOf(register, durReferences.iqvia).commercial).toBe(true);

    // Datasets per version with NHS England's values; opt-outs from the released files.
    const deaths = register.datasets.find((d) => d.versionId === v42.id && d.name === 'Civil Registrations of Death')!;
    expect(deaths).toMatchObject({ typeOfData: 'Identifiable', sensitivity: 'Sensitive', frequency: 'One-Off', optOutsApplied: 'No' });
    const op = register.datasets.find((d) => d.versionId === oxford.id && d.name.includes('HES OP'))!;
    expect(op.optOutsApplied).toBe('Mixed');

    // One holding per released file, received on the first of the month released.
    expect(register.holdings).toHaveLength(7);
    const holding = register.holdings.find((h) => h.darsFileReference === 'NIC00574_CRD_202404')!;
    expect(holding).toMatchObject({ versionId: v42.id, datasetId: deaths.id, receivedDate: '2024-06-01' });
  });

  it('finds the header row below a title line and ignores columns it does not know', async () => {
    const sheets = realisticDur();
    for (const row of sheets.Agreements) row['Date Added To Register'] = 'Mar 2025';
    await importDur(db, actor, [await workbook(sheets, 'DUR.xlsx', { headerOffset: 2 })]);
    expect(loadRegister(db).versions).toHaveLength(8);
  });

  it('changes nothing when the same register is imported again', async () => {
    const file = await workbook();
    await importDur(db, actor, [file]);
    const before = loadRegister(db);
    const entriesBefore = listAuditEntries(db, { offset: 0, limit: 1 }).total;

    const again = await importDur(db, actor, [file]);

    expect(loadRegister(db)).toEqual(before);
    for (const counts of Object.values(again.counts)) expect(counts.created + counts.updated).toBe(0);
    expect(again.counts.holding.unchanged).toBe(7);
    // Only the entry recording the import itself.
    const entries = listAuditEntries(db, { offset: 0, limit: 10 });
    expect(entries.total).toBe(entriesBefore + 1);
    expect(entries.entries[0]!.action).toBe('import');
  });

  it('updates what the register changed and keeps what the user recorded that it does not say', async () => {
    await importDur(db, actor, [await workbook()]);
    const first = loadRegister(db);
    const v42 = versionOf(first, durReferences.leedsV42);
    const processor = findRecords(db, 'organisation', { legalName: 'Leeds Teaching Hospitals NHS Trust' })[0]!;
    // The user records a processor, the territory, and the exact day a file arrived.
    replaceRecord(db, actor, 'dsaVersion', v42.id, { ...withoutIdentity(v42), territory: 'England and Wales', parties: [...v42.parties, { organisationId: processor.id, role: 'processor', controllerType: null }] });
    const holding = first.holdings.find((h) => h.darsFileReference === 'NIC00574_HES_APC_202404')!;
    patchRecord(db, actor, 'holding', holding.id, { receivedDate: '2024-05-17', recordCount: 1200 });

    const sheets = realisticDur();
    sheets.Agreements[1]!['DSA End Date'] = new Date('2027-09-30T00:00:00Z');
    const summary = await importDur(db, actor, [await workbook(sheets, 'DUR-next-month.xlsx')]);

    const after = loadRegister(db);
    const updated = versionOf(after, durReferences.leedsV42);
    expect(updated.endDate).toBe('2027-09-30');
    expect(updated.territory).toBe('England and Wales');
    expect(updated.parties.filter((p) => p.role === 'processor')).toHaveLength(1);
    expect(after.holdings.find((h) => h.id === holding.id)).toMatchObject({ receivedDate: '2024-05-17', recordCount: 1200 });
    expect(summary.counts.dsaVersion).toEqual({ created: 0, updated: 1, unchanged: 7 });
    expect(verifyAuditChain(db).intact).toBe(true);
  });

  it('records the import in the audit log with each file’s SHA-256, not its contents', async () => {
    const file = await workbook();
    await importDur(db, actor, [file]);
    const [entry] = listAuditEntries(db, { offset: 0, limit: 1, action: 'import' }).entries;
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(entry!.detail).toMatchObject({ files: [{ name: 'DUR.xlsx', sha256 }], counts: { holding: { created: 7 } } });
    expect(JSON.stringify(entry!.detail)).not.toContain('readmission');
    // Every record created has its own audit entry too, in the same chain.
    expect(listAuditEntries(db, { offset: 0, limit: 1, action: 'create', kind: 'holding' }).total).toBe(7);
  });
});

describe('import dur refuses bad input, names where, and writes nothing', () => {
  it('names row 7 and the column for a bad date in row 7', async () => {
    const sheets = realisticDur();
    // Row 1 is the header, so the sixth agreement is row 7.
    sheets.Agreements[5]!['DSA End Date'] = '31/02/2026';
    const error = await importError([await workbook(sheets)]);
    expect(error.message).toBe('DUR.xlsx, sheet Agreements, row 7, column "DSA End Date" (H): "31/02/2026" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD');
    expect(loadRegister(db).dsas).toHaveLength(0);
    expect(listAuditEntries(db, { offset: 0, limit: 1 }).total).toBe(0);
  });

  it('writes nothing when the problem is in the last sheet, after earlier rows were fine', async () => {
    const sheets = realisticDur();
    sheets.DataReleases[6]!['Month File Released'] = 'sometime';
    const error = await importError([await workbook(sheets)]);
    expect(error.message).toContain('sheet DataReleases, row 8, column "Month File Released"');
    expect(loadRegister(db).organisations).toHaveLength(0);
  });

  it('names every missing required column at once', async () => {
    const sheets = realisticDur();
    for (const row of sheets.Agreements) {
      delete row['DSA Start Date'];
      delete row['Data Controller(s)'];
    }
    const error = await importError([await workbook(sheets)]);
    expect(error.message).toBe('DUR.xlsx, sheet Agreements, row 1: the columns "Data Controller(s)", "DSA Start Date" are missing from the header row; add them with NHS England\'s names');
  });

  it('refuses a reference without its version, and an end date before the start', async () => {
    const sheets = realisticDur();
    sheets.Agreements[2]!['Reference Number'] = 'DARS-NIC-123456-AB1CD';
    expect((await importError([await workbook(sheets)])).message).toContain('row 4, column "Reference Number" (A): "DARS-NIC-123456-AB1CD" has no version');

    const backwards = realisticDur();
    backwards.Agreements[0]!['DSA End Date'] = new Date('2020-01-01T00:00:00Z');
    expect((await importError([await workbook(backwards, 'b.xlsx')])).message).toContain('row 2, column "DSA End Date" (H): must not be before the start date');
  });

  it('refuses datasets of a version that is neither in the Agreements sheet nor in the register', async () => {
    const sheets = realisticDur();
    sheets.Datasets[3]!['Reference Number'] = 'DARS-NIC-999999-ZZZZZ-v1';
    const error = await importError([await workbook(sheets)]);
    expect(error.message).toContain('sheet Datasets, row 5');
    expect(error.message).toContain('DARS-NIC-999999-ZZZZZ-v1 is neither in the Agreements sheet nor in the register');
  });

  it('refuses a value outside NHS England’s list, naming the allowed values', async () => {
    const sheets = realisticDur();
    sheets.Datasets[0]!['Type of Data'] = 'Secret';
    const error = await importError([await workbook(sheets)]);
    expect(error.message).toContain('row 2, column "Type of Data" (C): "Secret" is not one of "Identifiable", "Pseudonymised"');
  });

  it('refuses a version listed twice with different details', async () => {
    const sheets = realisticDur();
    sheets.Agreements.push({ ...sheets.Agreements[0]!, 'Application Title': 'Other' });
    const error = await importError([await workbook(sheets)]);
    expect(error.message).toContain('row 10: DARS-NIC-00574-V2H1F-v4.1 is already in Agreements row 2');
  });

  it('refuses a workbook without an Agreements sheet', async () => {
    const sheets = realisticDur();
    const error = await importError([await workbook({ Datasets: sheets.Datasets })]);
    expect(error.message).toContain('the Agreements sheet is missing');
  });
});

describe('import dur from CSV files', () => {
  it('imports a folder of sheets saved as CSV (Windows-1252, dates DD/MM/YYYY) exactly as the workbook', async () => {
    const folder = temp.path('csv');
    writeDurCsvFolder(folder, realisticDur(), { encoding: 'win1252', prefix: 'DUR 2025-06 ' });
    const summary = await importDur(db, actor, [folder]);
    expect(summary.files).toEqual(['DUR 2025-06 Agreements.csv', 'DUR 2025-06 Datasets.csv', 'DUR 2025-06 DataReleases.csv']);
    const fromCsv = loadRegister(db);

    const other = openDatabase(temp.path('other.sqlite'), { create: true }).db;
    try {
      await importDur(other, actor, [await workbook()]);
      const fromXlsx = loadRegister(other);
      const shape = (r: RegisterContent) => r.versions.map((v) => ({ ...v, id: '', dsaId: r.dsas.find((d) => d.id === v.dsaId)!.nicReference, predecessorVersionId: v.predecessorVersionId ? 'x' : null, parties: v.parties.length }));
      expect(shape(fromCsv)).toEqual(shape(fromXlsx));
      expect(fromCsv.holdings.map((h) => [h.darsFileReference, h.receivedDate])).toEqual(fromXlsx.holdings.map((h) => [h.darsFileReference, h.receivedDate]));
    } finally {
      other.close();
    }
    // Windows-1252 curly quote and dash read as the characters they are.
    expect(fromCsv.versions[0]!.processingActivities).toContain('Trust’s');
    expect(fromCsv.datasets[0]!.legalBasisForProvision).toBe('Health and Social Care Act 2012 – s261(2)(b)(ii)');
  });

  it('takes CSV files named on the command line, and names the CSV file and row of a problem', async () => {
    const sheets = realisticDur();
    sheets.Agreements[5]!['DSA Start Date'] = 'next year';
    const files = writeDurCsvFolder(temp.path('csv'), sheets, { encoding: 'utf8-bom' });
    const error = await importError(files);
    expect(error.message).toBe('Agreements.csv, row 7, column "DSA Start Date" (G): "next year" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD');
  });

  it('refuses a CSV file whose name does not say which sheet it is', async () => {
    const [agreements] = writeDurCsvFolder(temp.path('csv'), { Agreements: realisticDur().Agreements }, { prefix: 'x' });
    const renamed = temp.path('csv/register.csv');
    (await import('node:fs')).renameSync(agreements!, renamed);
    expect((await importError([renamed])).message).toContain('cannot tell which sheet this is: name it Agreements.csv');
  });

  it('imports only one organisation’s agreements from the national register when asked', async () => {
    const folder = temp.path('csv');
    writeDurCsvFolder(folder, realisticDur());
    const summary = await importDur(db, actor, [folder], { organisation: 'university of oxford' });
    const register = loadRegister(db);
    expect(register.dsas.map((d) => d.nicReference)).toEqual(['DARS-NIC-123456-AB1CD']);
    expect(register.holdings.map((h) => h.darsFileReference)).toEqual(['NIC123456_HES_OP_2023Q4', 'NIC123456_HES_OP_2024Q2']);
    expect(summary.rowsSkipped).toBe(7 + 7 + 5);
  });
});

function withoutIdentity<T extends { id: string; archived: boolean }>(record: T): Omit<T, 'id' | 'archived'> {
  const { id: _id, archived: _archived, ...rest } = record;
  return rest;
}
