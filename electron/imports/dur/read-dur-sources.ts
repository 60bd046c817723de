import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DurImportError } from './dur-import-error';
import { durSheetNames, type DurSheetName } from './dur-sheets';
import type { RawSheet } from './raw-sheet';
import { readDurCsv, sheetOfCsvFile } from './read-dur-csv';
import { readDurWorkbook } from './read-dur-workbook';

/**
 * What `custodian import dur` accepts, decided once here:
 *  - one `.xlsx` workbook with the sheets Agreements, Datasets and DataReleases; or
 *  - one or more `.csv` files, each one sheet, named after it (`Agreements.csv`, `Datasets.csv`,
 *    `DataReleases.csv`; a prefix such as `DUR-2025-06-` is allowed); or
 *  - a folder holding such CSV files (other files in it are ignored).
 * Agreements is required; Datasets and DataReleases are read when present, so a register can be
 * pre-filled from the Agreements sheet alone. The sheets read are named in the import's summary.
 */
export async function readDurSources(paths: readonly string[]): Promise<RawSheet[]> {
  if (paths.length === 0) throw new DurImportError({ file: 'import dur' }, 'name the Data Uses Register workbook (.xlsx), its sheets saved as CSV, or a folder of them');
  const files = paths.flatMap((path) => expandFolder(path));
  const workbooks = files.filter((f) => extname(f).toLowerCase() === '.xlsx');
  const unknown = files.filter((f) => !['.xlsx', '.csv'].includes(extname(f).toLowerCase()));
  if (unknown.length > 0) {
    const file = basename(unknown[0]!);
    const hint = extname(file).toLowerCase() === '.xls' ? 'save it from Excel as .xlsx' : 'give the .xlsx workbook or the sheets saved as .csv';
    throw new DurImportError({ file }, `is not an XLSX or CSV file; ${hint}`);
  }
  let sheets: RawSheet[];
  if (workbooks.length > 0) {
    if (files.length > 1) throw new DurImportError({ file: basename(workbooks[0]!) }, 'give either one XLSX workbook or CSV files, not both or several workbooks');
    sheets = await readDurWorkbook(workbooks[0]!);
  } else {
    sheets = readCsvSheets(files);
  }
  if (!sheets.some((s) => s.sheet === 'Agreements')) {
    const file = workbooks[0] ? basename(workbooks[0]) : files.map((f) => basename(f)).join(', ');
    throw new DurImportError({ file, sheet: 'Agreements' }, 'the Agreements sheet is missing; it is the one sheet an import needs');
  }
  // Always in the register's order (Agreements, Datasets, DataReleases), whatever order the files came in.
  return sheets.sort((a, b) => durSheetNames.indexOf(a.sheet) - durSheetNames.indexOf(b.sheet));
}

function expandFolder(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new DurImportError({ file: path }, 'does not exist; check the path');
  }
  if (!isFolder) return [path];
  const csvs = readdirSync(path)
    .filter((name) => extname(name).toLowerCase() === '.csv')
    .sort()
    .map((name) => join(path, name));
  if (csvs.length === 0) throw new DurImportError({ file: path }, 'holds no .csv files; put the sheets saved as CSV in it, or name the .xlsx workbook instead');
  return csvs;
}

function readCsvSheets(files: readonly string[]): RawSheet[] {
  const seen = new Map<DurSheetName, string>();
  const sheets: RawSheet[] = [];
  for (const file of files) {
    const sheet = sheetOfCsvFile(file);
    if (!sheet) {
      throw new DurImportError({ file: basename(file) }, 'cannot tell which sheet this is: name it Agreements.csv, Datasets.csv or DataReleases.csv');
    }
    const earlier = seen.get(sheet);
    if (earlier) throw new DurImportError({ file: basename(file), sheet }, `holds the ${sheet} sheet, and so does ${earlier}; give one file per sheet`);
    seen.set(sheet, basename(file));
    sheets.push(readDurCsv(file, sheet));
  }
  return sheets;
}

/**
 * The files to import when the user picks one file in the app's open dialog: a workbook on its own,
 * or for a CSV sheet, it and the other sheets beside it that share its name's prefix
 * ("DUR 2025-06 Agreements.csv" brings "DUR 2025-06 Datasets.csv" and "DUR 2025-06 DataReleases.csv").
 */
export function durFilesBeside(path: string): string[] {
  const sheet = extname(path).toLowerCase() === '.csv' ? sheetOfCsvFile(path) : null;
  if (!sheet) return [path];
  const stem = basename(path, extname(path));
  const prefix = stem.slice(0, stem.length - matchedSuffixLength(stem, sheet));
  const folder = dirname(path);
  const siblings = readdirSync(folder).filter((name) => {
    if (extname(name).toLowerCase() !== '.csv' || !name.startsWith(prefix)) return false;
    const other = sheetOfCsvFile(name);
    return other !== null && name.slice(prefix.length, name.length - extname(name).length).replace(/[^a-z0-9]/gi, '').toLowerCase() === other.toLowerCase();
  });
  return siblings.sort().map((name) => join(folder, name));
}

/** How many characters at the end of `stem` spell the sheet's name (ignoring spaces and punctuation). */
function matchedSuffixLength(stem: string, sheet: DurSheetName): number {
  const target = sheet.toLowerCase();
  let letters = '';
  for (let i = stem.length - 1; i >= 0; i--) {
    if (/[a-z0-9]/i.test(stem[i]!)) letters = stem[i]!.toLowerCase() + letters;
    if (letters === target) return stem.length - i;
  }
  return 0;
}
