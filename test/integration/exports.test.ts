import type { RegisterConnection } from '../../electron/db/register-connection';
import { setFindingStatus } from '../../electron/findings/finding-status-service';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { openDatabase } from '../../electron/db/open-database';
import { writeSettings } from '../../electron/db/settings-repository';
import { runExport, type ExportRequest } from '../../electron/exports/run-export';
import { createIncident } from '../../electron/incidents/incident-service';
import { listAuditEntries } from '../../electron/register/audit-log';
import { loadRegister } from '../../electron/register/load-register';
import { computeFindings } from '../../shared/findings';
import { upcomingDeadlines } from '../../shared/register/deadlines';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import { incidentFields, london } from '../helpers/incident-fixtures';
import { extractPdfText } from '../helpers/pdf-text';
import { testActor } from '../helpers/register-seed';
import { storeRegister } from '../helpers/store-register';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: RegisterConnection;
let registerPath: string;
beforeEach(() => {
  temp = makeTempDir();
  registerPath = temp.path('register.sqlite');
  db = openDatabase(registerPath, { create: true }).db;
  writeSettings(db, { organisationName: 'University of Exampleton' });
  storeRegister(db, scenario());
});
afterEach(() => {
  db.close();
  temp.remove();
});

const actor = testActor('2026-06-01T10:00:00.000Z');
const asOf = SCENARIO_AS_OF;
const hostileName = '=HYPERLINK("https://example.invalid","Analyst laptop")';
const specialCondition = 'Report to DARS; outputs, tables, charts: all checked — "résumé" of café data before release\nSecond line';

/**
 * The compliant scenario plus three problems: a derived copy on an analyst's laptop (named like a
 * formula) that the agreement does not approve, a second agreement whose only version has ended
 * with its data still held, and a special condition whose text needs escaping in a calendar.
 */
function scenario() {
  return compliantRegister()
    .location('laptop', { name: hostileName, operator: 'uni', kind: 'end-user-device' })
    .copy('c-laptop', 'hes-2024', 'laptop', 'derived', { pathOrDescription: '+cmd|calc', createdDate: '2025-07-01' })
    .dsa('old', 'DARS-NIC-222222-OLD22', { title: 'Finished audit' })
    .version('old-v1', { dsa: 'old', version: '1', start: '2022-01-01', end: '2026-05-01', controllers: ['uni'], dsfc: 'uni-dsfc' })
    .dataset('old-ds', 'old-v1', 'Civil Registrations of Death')
    .approve('old-tre', 'old-v1', 'tre', 'storage')
    .holding('old-h', 'old-v1', 'old-ds', { darsFileReference: 'NIC222222_DEATHS_2022', receivedDate: '2022-02-01' })
    .holding('old-h2', 'old-v1', 'old-ds', { darsFileReference: 'NIC222222_DEATHS_EMPTY', receivedDate: '2022-03-01' })
    .copy('old-c', 'old-h', 'tre', 'primary', { createdDate: '2022-02-01' })
    .obligation('sc-escape', { kind: 'special-condition', version: 'v4.2', text: specialCondition, dueDate: '2026-07-15' })
    .build();
}

const exportTo = (what: ExportRequest['what'], name: string, extra: Partial<ExportRequest> = {}) =>
  runExport(db, actor, registerPath, { what, path: temp.path(name), asOf, ...extra });

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Every cell of every sheet: none may hold a formula, and no sheet may be hidden. */
function expectValuesOnly(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    expect(sheet.state).toBe('visible');
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  }
}

const rowsOf = (sheet: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('export findings', () => {
  it('writes every finding to XLSX, values only, with what to do and the records concerned', async () => {
    const result = await exportTo('findings', 'findings.xlsx');
    const workbook = await readWorkbook(result.path);
    expectValuesOnly(workbook);
    const rows = rowsOf(workbook.getWorksheet('Findings')!);
    expect(rows[0]).toEqual(['Severity', 'Code', 'Finding', 'What to do', 'Due date', 'Concerns', 'Finding id', 'Status']);
    const expected = computeFindings(loadRegister(db), asOf);
    expect(rows.slice(1).map((r) => r[1])).toEqual(expected.map((f) => f.code));
    expect(expected.map((f) => f.code)).toContain('COPY_AT_UNAPPROVED_LOCATION');
    expect(expected.map((f) => f.code)).toContain('DESTRUCTION_OVERDUE');
    const about = rowsOf(workbook.getWorksheet('About')!);
    expect(about).toContainEqual(['Register judged on', asOf]);
    expect(about).toContainEqual(['Organisation', 'University of Exampleton']);
  });

  it('includes the incident clocks, as the findings list does', async () => {
    createIncident(db, actor, incidentFields({ occurredAt: london('2026-05-30T09:00:00Z'), discoveredAt: london('2026-05-31T08:00:00Z'), becameAwareAt: london('2026-05-31T08:30:00Z') }));
    const csv = readFileSync((await exportTo('findings', 'with-incident.csv')).path, 'utf8');
    expect(csv).toContain('INCIDENT_NOTIFICATION_DUE');
    expect(csv).toContain('COPY_AT_UNAPPROVED_LOCATION');
  });

  it('gives each finding its status on the export’s date, in the Status column', async () => {
    const copyFinding = computeFindings(loadRegister(db), asOf).find((f) => f.code === 'COPY_AT_UNAPPROVED_LOCATION')!;
    setFindingStatus(db, actor, [copyFinding], asOf, { findingId: copyFinding.id, state: 'risk-accepted', reason: 'Encrypted; moving in July', reviewDate: '2026-07-31', acceptedBy: 'SIRO' });
    const rowOf = async (name: string, extra: Partial<ExportRequest> = {}) => {
      const rows = rowsOf((await readWorkbook((await exportTo('findings', name, extra)).path)).getWorksheet('Findings')!);
      return rows.find((r) => r[6] === copyFinding.id)!;
    };
    expect((await rowOf('accepted.xlsx'))[7]).toBe('Risk accepted (by SIRO, review 2026-07-31): Encrypted; moving in July');
    expect((await rowOf('lapsed.xlsx', { asOf: '2026-08-01' }))[7]).toBe('Open (reopened: review date passed)');
  });

  it('judges the register on --as-of: a later date finds more', async () => {
    const now = await exportTo('findings', 'now.csv');
    const later = await exportTo('findings', 'later.csv', { asOf: '2028-06-01' });
    const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\r\n').length;
    expect(lines(later.path)).toBeGreaterThan(lines(now.path));
    expect(readFileSync(later.path, 'utf8')).toContain('DESTRUCTION_OVERDUE');
  });
});

describe('export holdings', () => {
  it('writes every holding with each copy and its location; numbers stay numbers; formula-like text is neutralised', async () => {
    const result = await exportTo('holdings', 'holdings.xlsx');
    const workbook = await readWorkbook(result.path);
    expectValuesOnly(workbook);
    const sheet = workbook.getWorksheet('Holdings and copies')!;
    const [header, ...rows] = rowsOf(sheet);
    const col = (name: string) => (header as string[]).indexOf(name);
    const register = loadRegister(db);
    // One row per copy, plus one for the holding that has none.
    expect(rows).toHaveLength(register.copies.length + 1);
    const laptop = rows.find((r) => r[col('Location')] === `'${hostileName}`)!;
    expect(laptop[col('Path or description')]).toBe("'+cmd|calc");
    expect(laptop[col('Approved for this kind of copy')]).toBe('No');
    expect(laptop[col('Operator')]).toBe('University of Exampleton');
    const counted = rows.find((r) => r[col('DARS file reference')] === 'NIC00574_HES_APC_2024')!;
    expect(counted[col('Record count')]).toBe(1_236_870);
    const recordCountCell = sheet.getRow(rows.indexOf(counted) + 2).getCell(col('Record count') + 1);
    expect(recordCountCell.type).toBe(ExcelJS.ValueType.Number);
    // Cells left empty are not stored in XLSX, so they read back as missing.
    expect(rows.find((r) => r[col('DARS file reference')] === 'NIC222222_DEATHS_EMPTY')![col('Location')] ?? null).toBeNull();
  });

  it('writes CSV as UTF-8 with a byte-order mark, numbers unquoted and text neutralised', async () => {
    const { path } = await exportTo('holdings', 'holdings.csv');
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(',1236870,');
    expect(text).toContain(`"'=HYPERLINK(""https://example.invalid"",""Analyst laptop"")"`);
    expect(text).toContain(",'+cmd|calc,");
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });

  it('can be limited to one agreement', async () => {
    const { path } = await exportTo('holdings', 'one.csv', { agreement: { nicReference: 'DARS-NIC-222222-OLD22' } });
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('NIC222222_DEATHS_2022');
    expect(text).not.toContain('NIC00574');
  });
});

describe('export deadlines (iCalendar)', () => {
  async function parse(path: string) {
    const text = readFileSync(path, 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    return { text, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
  }

  it('writes one all-day event per upcoming deadline that a calendar parser reads back exactly', async () => {
    const { path } = await exportTo('deadlines', 'deadlines.ics');
    const { events } = await parse(path);
    const deadlines = upcomingDeadlines(loadRegister(db), asOf, 1096);
    expect(events).toHaveLength(deadlines.length);
    for (const [i, event] of events.entries()) {
      const deadline = deadlines[i]!;
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(deadline.date);
      expect(event.endDate.toString()).toBe(nextDay(deadline.date));
      expect(event.summary).toBe(deadline.label);
    }
    // The special condition's text, with commas, semicolons, accents and a line break, survives escaping and folding.
    const condition = events.find((e) => e.summary.includes('Report to DARS'))!;
    expect(condition.summary).toBe(deadlines.find((d) => d.record.id === 'sc-escape')!.label);
    expect(condition.description).toContain('Report to DARS; outputs, tables');
  });

  it('folds lines at 75 octets with CRLF, and keeps the same UID for the same deadline', async () => {
    const first = await parse((await exportTo('deadlines', 'a.ics')).path);
    const second = await parse((await exportTo('deadlines', 'b.ics')).path);
    for (const line of first.text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(first.text.replace(/\r\n/g, '')).not.toContain('\n');
    const uids = first.events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(second.events.map((e) => e.uid)).toEqual(uids);
  });
});

describe('every export', () => {
  it('is recorded in the audit log with the file name and SHA-256, never the contents', async () => {
    const { path, sha256 } = await exportTo('findings', 'findings.csv');
    expect(sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    const [entry] = listAuditEntries(db, { offset: 0, limit: 1, action: 'export' }).entries;
    expect(entry!.detail).toEqual({ export: 'findings', format: 'csv', file: 'findings.csv', sha256, asOf });
    expect(JSON.stringify(entry)).not.toContain('HYPERLINK');
  });

  it('refuses to write over the register or its WAL file, even through another name for the same file', async () => {
    const before = loadRegister(db);
    symlinkSync(registerPath, temp.path('findings.csv'));
    symlinkSync(`${registerPath}-wal`, temp.path('wal.xlsx'));
    for (const name of ['findings.csv', 'wal.xlsx']) {
      await expect(exportTo('findings', name)).rejects.toThrow('is the register itself; choose another file name so the register is not overwritten');
    }
    expect(loadRegister(db)).toEqual(before);
    expect(listAuditEntries(db, { offset: 0, limit: 1, action: 'export' }).total).toBe(0);
  });

  it('refuses a file name whose extension the export cannot write, naming the ones it can', async () => {
    await expect(exportTo('deadlines', 'deadlines.csv')).rejects.toThrow('the register deadlines can be written as .ics; end the file name with one of those');
    await expect(exportTo('holdingsReport', 'report.docx')).rejects.toThrow('can be written as .pdf or .xlsx');
  });

  it('leaves no temporary file behind, whether it succeeds or fails', async () => {
    await exportTo('holdings', 'h.xlsx');
    await exportTo('holdingsReport', 'r.pdf');
    await expect(exportTo('holdings', 'gone.csv', { agreement: { nicReference: 'DARS-NIC-999999-NONE9' } })).rejects.toThrow('Agreement DARS-NIC-999999-NONE9 is not in the register');
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('holdings audit report', () => {
  it('PDF: names the agreement, every file reference and every finding code, for the whole register', async () => {
    const { path } = await exportTo('holdingsReport', 'report.pdf');
    const { pages, info } = await extractPdfText(readFileSync(path));
    const text = pages.join('\n');
    expect(info.Title).toBe('Holdings audit report');
    const register = loadRegister(db);
    for (const dsa of register.dsas) expect(text).toContain(dsa.nicReference);
    for (const holding of register.holdings) expect(text).toContain(holding.darsFileReference);
    for (const finding of computeFindings(register, asOf)) expect(text).toContain(finding.code);
    // The laptop copy's cell says it is not approved (wrapped over lines in its narrow column).
    expect(text.replace(/\s+/g, ' ')).toContain('NOT APPROVED');
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('PDF for one agreement: only its versions, holdings and findings', async () => {
    const { path } = await exportTo('holdingsReport', 'old.pdf', { agreement: { nicReference: 'DARS-NIC-222222-OLD22' } });
    const text = (await extractPdfText(readFileSync(path))).pages.join('\n');
    expect(text).toContain('DARS-NIC-222222-OLD22: Finished audit');
    expect(text).toContain('NIC222222_DEATHS_2022');
    expect(text).toContain('DESTRUCTION_OVERDUE');
    expect(text).not.toContain('NIC00574_HES_APC_2024');
    expect(text).not.toContain('COPY_AT_UNAPPROVED_LOCATION');
  });

  it('XLSX: the same content as sheets an auditor can filter, values only', async () => {
    const { path } = await exportTo('holdingsReport', 'report.xlsx');
    const workbook = await readWorkbook(path);
    expectValuesOnly(workbook);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Versions', 'Datasets', 'Approved locations', 'Holdings and copies', 'Findings']);
    const findings = rowsOf(workbook.getWorksheet('Findings')!).slice(1);
    expect(findings.map((r) => r[1])).toEqual(computeFindings(loadRegister(db), asOf).map((f) => f.code));
    const versions = rowsOf(workbook.getWorksheet('Versions')!).slice(1);
    expect(versions.map((r) => `${r[0]} v${r[2]}`)).toEqual(['DARS-NIC-00574-V2H1F v4.1', 'DARS-NIC-00574-V2H1F v4.2', 'DARS-NIC-222222-OLD22 v1']);
  });
});

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
