import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';

/**
 * Data Uses Register workbooks for tests, shaped like NHS England's monthly publication: the three
 * sheets with the column names the domain guide lists, dates as date cells in the XLSX and as
 * DD/MM/YYYY text in CSV (as Excel saves them in a UK locale), several organisations, a renewal
 * (v4.1 → v4.2), joint controllers on two lines of one cell, and released files by month.
 */
export type DurCell = string | number | Date | null;
export type DurRow = Record<string, DurCell>;
export interface DurSheets {
  Agreements: DurRow[];
  Datasets: DurRow[];
  DataReleases: DurRow[];
}

const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function agreement(reference: string, fields: Partial<DurRow> & { start: string; end: string }): DurRow {
  const { start, end, ...rest } = fields;
  return {
    'Reference Number': reference,
    'Application Title': 'Outcomes after emergency admission',
    'Applicant Organisation': 'Leeds Teaching Hospitals NHS Trust',
    'Applicant Organisation Type': 'NHS Trust',
    'Data Controller(s)': 'Leeds Teaching Hospitals NHS Trust',
    'Sole/Joint Data Controller': 'Sole',
    'DSA Start Date': utcDate(start),
    'DSA End Date': utcDate(end),
    'Does Sublicensing Apply': 'No',
    'For Commercial Purposes': 'No',
    'Objective for Processing': 'To measure readmission within 30 days of discharge across West Yorkshire.',
    'Processing Activities': 'Data are stored on the Trust’s secure server; analysts access pseudonymised records only.',
    'Expected Output': 'Quarterly reports to the Trust board; one peer-reviewed paper.',
    'Expected Measurable Benefits': 'Fewer avoidable readmissions.',
    'Yielded Benefits': 'None yet.',
    ...rest,
  };
}

const dataset = (reference: string, name: string, fields: Partial<DurRow> = {}): DurRow => ({
  'Reference Number': reference,
  Dataset: name,
  'Type of Data': 'Pseudonymised',
  'Sensitive or Non-Sensitive': 'Sensitive',
  Frequency: 'Ongoing',
  'Legal Basis for Provision of Data': 'Health and Social Care Act 2012 – s261(2)(b)(ii)',
  'Common Law Duty of Confidentiality': 'Does not include the flow of confidential data',
  ...fields,
});

const release = (reference: string, name: string, file: string, month: string, optOuts = 'Yes'): DurRow => ({
  'Reference Number': reference,
  Dataset: name,
  'File Reference': file,
  'Month File Released': utcDate(`${month}-01`),
  'Patient Opt-Outs Applied': optOuts,
});

export const durReferences = {
  leedsV41: 'DARS-NIC-00574-V2H1F-v4.1',
  leedsV42: 'DARS-NIC-00574-V2H1F-v4.2',
  oxford: 'DARS-NIC-123456-AB1CD-v1',
  iqvia: 'DARS-NIC-387117-Q8K2M-v2.3',
};

/** A realistic register: 8 agreement versions of 7 agreements, 9 dataset rows, 7 released files. */
export function realisticDur(): DurSheets {
  const r = durReferences;
  const more = [
    ['DARS-NIC-411223-K3L9P-v1', 'Bradford Institute for Health Research'],
    ['DARS-NIC-502918-Z7Y6X-v3', 'University College London'],
    ['DARS-NIC-610045-M2N4Q-v1.1', 'Manchester University NHS Foundation Trust'],
    ['DARS-NIC-730101-T5R8S-v2', 'Imperial College London'],
  ].map(([reference, organisation]) =>
    agreement(reference!, { start: '2024-01-01', end: '2026-12-31', 'Applicant Organisation': organisation!, 'Data Controller(s)': organisation!, 'Application Title': `Study at ${organisation}` }),
  );
  return {
    Agreements: [
      agreement(r.leedsV41, { start: '2021-04-01', end: '2024-03-31' }),
      agreement(r.leedsV42, { start: '2024-04-01', end: '2027-03-31' }),
      agreement(r.oxford, {
        start: '2023-10-01',
        end: '2026-09-30',
        'Application Title': 'Cardiovascular outcomes cohort',
        'Applicant Organisation': 'University of Oxford',
        'Applicant Organisation Type': 'University',
        'Data Controller(s)': 'University of Oxford\nOxford University Hospitals NHS Foundation Trust',
        'Sole/Joint Data Controller': 'Joint',
      }),
      agreement(r.iqvia, {
        start: '2025-01-15',
        end: '2026-01-14',
        'Application Title': 'Medicines utilisation benchmarking',
        'Applicant Organisation': 'IQVIA Ltd',
        'Applicant Organisation Type': 'Commercial',
        'Data Controller(s)': 'IQVIA Ltd',
        'For Commercial Purposes': 'Yes',
      }),
      ...more,
    ],
    Datasets: [
      dataset(r.leedsV41, 'Hospital Episode Statistics Admitted Patient Care (HES APC)'),
      dataset(r.leedsV42, 'Hospital Episode Statistics Admitted Patient Care (HES APC)'),
      dataset(r.leedsV42, 'Civil Registrations of Death', { 'Type of Data': 'Identifiable', Frequency: 'One-Off', 'Common Law Duty of Confidentiality': 'Section 251 approval is in place' }),
      dataset(r.oxford, 'Hospital Episode Statistics Outpatients (HES OP)'),
      dataset(r.oxford, 'Emergency Care Data Set (ECDS)', { Frequency: 'System Access' }),
      dataset(r.iqvia, 'Hospital Episode Statistics Admitted Patient Care (HES APC)', { 'Type of Data': 'Anonymised - ICO Code Compliant', 'Sensitive or Non-Sensitive': 'Non-Sensitive' }),
      dataset('DARS-NIC-411223-K3L9P-v1', 'Maternity Services Data Set (MSDS) v2'),
      dataset('DARS-NIC-502918-Z7Y6X-v3', 'Mental Health Services Data Set (MHSDS)'),
      dataset('DARS-NIC-610045-M2N4Q-v1.1', 'Community Services Data Set (CSDS)', { 'Type of Data': 'Aggregated - small numbers suppressed' }),
    ],
    DataReleases: [
      release(r.leedsV41, 'Hospital Episode Statistics Admitted Patient Care (HES APC)', 'NIC00574_HES_APC_202104', '2021-05'),
      release(r.leedsV42, 'Hospital Episode Statistics Admitted Patient Care (HES APC)', 'NIC00574_HES_APC_202404', '2024-05'),
      release(r.leedsV42, 'Civil Registrations of Death', 'NIC00574_CRD_202404', '2024-06', 'No - data flow is not identifiable'),
      release(r.oxford, 'Hospital Episode Statistics Outpatients (HES OP)', 'NIC123456_HES_OP_2023Q4', '2023-12'),
      release(r.oxford, 'Hospital Episode Statistics Outpatients (HES OP)', 'NIC123456_HES_OP_2024Q2', '2024-07', 'No'),
      release(r.iqvia, 'Hospital Episode Statistics Admitted Patient Care (HES APC)', 'NIC387117_HES_APC_202502', '2025-02'),
      release('DARS-NIC-411223-K3L9P-v1', 'Maternity Services Data Set (MSDS) v2', 'NIC411223_MSDS_2024', '2024-03'),
    ],
  };
}

const columnsOf = (rows: readonly DurRow[]): string[] => {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
};

/** Writes the sheets as an XLSX workbook: header in row 1, dates as date cells. */
export async function writeDurWorkbook(path: string, sheets: Partial<DurSheets>, options: { headerOffset?: number } = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets) as [keyof DurSheets, DurRow[]][]) {
    const worksheet = workbook.addWorksheet(name);
    // NHS England's workbook opens with a title line on some months; readers must find the header.
    for (let i = 0; i < (options.headerOffset ?? 0); i++) worksheet.addRow([i === 0 ? `Data Uses Register – ${name}` : null]);
    const columns = columnsOf(rows);
    worksheet.addRow(columns);
    for (const row of rows) worksheet.addRow(columns.map((c) => row[c] ?? null));
    worksheet.columns.forEach((column, i) => {
      if (rows.some((r) => r[columns[i]!] instanceof Date)) column.numFmt = 'dd/mm/yyyy';
    });
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

const ukDate = (d: Date): string => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/**
 * Writes each sheet as `<folder>/<prefix><Sheet>.csv`, dates as DD/MM/YYYY. `encoding` 'win1252'
 * mimics Excel's plain "CSV" on Windows; 'utf8-bom' its "CSV UTF-8".
 */
export function writeDurCsvFolder(folder: string, sheets: Partial<DurSheets>, options: { prefix?: string; encoding?: 'utf8' | 'utf8-bom' | 'win1252' } = {}): string[] {
  mkdirSync(folder, { recursive: true });
  return (Object.entries(sheets) as [keyof DurSheets, DurRow[]][]).map(([name, rows]) => {
    const columns = columnsOf(rows);
    const records = [columns, ...rows.map((row) => columns.map((c) => {
      const value = row[c];
      return value instanceof Date ? ukDate(value) : value === null || value === undefined ? '' : String(value);
    }))];
    const text = stringify(records, { record_delimiter: 'windows' });
    const path = join(folder, `${options.prefix ?? ''}${name}.csv`);
    const encoding = options.encoding ?? 'utf8';
    writeFileSync(path, encoding === 'win1252' ? iconv.encode(text, 'win1252') : encoding === 'utf8-bom' ? `\ufeff${text}` : text);
    return path;
  });
}
