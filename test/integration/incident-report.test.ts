import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBreachLog, exportIncidentReport } from '../../electron/incidents/incident-exports';
import { assessIncident, changeIncidentStatus, createIncident, recordAction, recordNotification } from '../../electron/incidents/incident-service';
import { writeIncidentSettings } from '../../electron/incidents/incident-settings-store';
import { writeSettings } from '../../electron/db/settings-repository';
import { createServiceContext } from '../../electron/service-context';
import type { ServiceContext } from '../../electron/ipc/context';
import { breachLogHeaders } from '../../electron/incidents/breach-log';
import { compliantRegister } from '../helpers/compliant-register';
import { incidentFields, london } from '../helpers/incident-fixtures';
import { extractPdfText } from '../helpers/pdf-text';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

describe('the incident report and the breach log', () => {
  const temp = useTempDir();
  let clock = new Date('2026-03-27T11:00:00Z');

  function open(): ServiceContext {
    clock = new Date('2026-03-27T11:00:00Z');
    const { context } = createServiceContext({ databasePath: temp.path('register.sqlite'), appVersion: 't', now: () => clock });
    storeRegister(context.db, compliantRegister().build());
    writeSettings(context.db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah (IG lead)' });
    writeIncidentSettings(context.db, context, {
      dpo: { name: 'Dr Alex Example', role: 'Data Protection Officer', email: 'dpo@exampleton.ac.uk', phone: '0113 496 0000', address: null },
    });
    return context;
  }

  /** An incident taken through assessment, two notifications (one acknowledged) and an action. */
  function recordedIncident(context: ServiceContext, overrides: Parameters<typeof incidentFields>[0] = {}) {
    const links = { dsaIds: ['hip'], datasetIds: [], holdingIds: ['hes-2024'], copyIds: ['c-2024-aws'], locationIds: ['aws-london'] };
    const created = createIncident(context.db, context, incidentFields({ links, ...overrides }));
    assessIncident(context.db, context, created.id, {
      likelihood: 3,
      severity: 2,
      icoDecision: 'notify',
      icoDecisionReason: 'Identifiable health data held where the DSA does not allow',
      individualsDecision: 'do-not-tell',
      individualsDecisionReason: 'No sign that anyone outside the organisation saw the data',
    });
    recordNotification(context.db, context, created.id, {
      recipient: 'dars',
      sentAt: london('2026-03-27T12:15:00Z'),
      channel: 'email',
      reference: 'Email to DARS helpdesk',
      acknowledgedAt: london('2026-03-27T15:40:00Z'),
      acknowledgementReference: 'DARS-INC-0099',
    });
    recordNotification(context.db, context, created.id, { recipient: 'ico', sentAt: london('2026-03-29T09:00:00Z'), channel: 'dspt-incident-tool', reference: 'DSPT-20260329-17' });
    recordAction(context.db, context, created.id, { kind: 'containment', description: 'Delete the copy in the unapproved bucket and verify deletion', owner: 'Head of data engineering', dueDate: '2026-03-28', status: 'done', completedDate: '2026-03-28' });
    return created;
  }

  it('prints what Art 33(3) asks for, the assessment, the timeline and the notifications, read back from the PDF', async () => {
    const context = open();
    const incident = recordedIncident(context);
    const path = temp.path('INC-2026-001.pdf');
    const result = await exportIncidentReport(context.db, context, context.databasePath, incident.id, path);
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const { pages, info } = await extractPdfText(readFileSync(path));
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(info.Title).toBe('Incident report INC-2026-001');
    for (const expected of [
      'Incident report INC-2026-001',
      'HES extract found in an unapproved cloud bucket',
      'University of Exampleton',
      // Art 33(3)(a): nature, categories and approximate numbers of people and records
      '(a) Nature of the breach',
      'Data at an undeclared location or processor',
      'Confidentiality (disclosed or accessed)',
      'Patients',
      'About 95,000',
      'HEALTH DATA INVOLVED',
      'About 120,000',
      // (b) the DPO, (c) consequences, (d) measures
      '(b) Data protection officer',
      'Dr Alex Example, Data Protection Officer, dpo@exampleton.ac.uk, 0113 496 0000',
      '(c) Likely consequences',
      'no access by others is logged',
      '(d) Measures taken',
      'Bucket access revoked',
      '(d) Measures proposed',
      'Block storage outside approved regions by cloud policy',
      // times on the clock they were recorded in, and the ICO deadline across the clock change
      '27 March 2026, 10:00 GMT',
      '30 March 2026, 11:00 BST',
      // the assessment and both decisions with their reasons
      'Likelihood',
      '3: Likely',
      'Reportable to the ICO',
      'Notify the ICO',
      'Identifiable health data held where the DSA does not allow',
      'Do not tell the individuals',
      'No sign that anyone outside the organisation saw the data',
      'Check against current DSPT guidance',
      // the register records involved, by name
      'DARS-NIC-00574-V2H1F',
      'AWS eu-west-2 (London)',
      // timeline and notifications
      'Timeline',
      'Organisation became aware',
      'NHS England DARS acknowledged (reference DARS-INC-0099)',
      'Notified ICO (through the DSPT) (DSPT incident reporting tool, reference DSPT-20260329-17)',
      'ICO (through the DSPT): notified on time',
      'Delete the copy in the unapproved bucket',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // Whose document it is and that it is complete.
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    const audit = context.db.prepare("SELECT action, record_id, detail_json FROM audit_log WHERE action = 'export'").get() as { action: string; record_id: string; detail_json: string };
    expect(audit.record_id).toBe(incident.id);
    expect(JSON.parse(audit.detail_json)).toMatchObject({ export: 'incidentReport', file: 'INC-2026-001.pdf', sha256: result.sha256 });
    context.db.close();
  });

  it('says what is missing rather than printing blanks (DPO not set, not assessed)', async () => {
    const { context } = createServiceContext({ databasePath: temp.path('bare.sqlite'), appVersion: 't', now: () => clock });
    const incident = createIncident(context.db, context, incidentFields({ likelyConsequences: null, measuresProposed: null }));
    const path = temp.path('bare.pdf');
    await exportIncidentReport(context.db, context, context.databasePath, incident.id, path);
    const text = (await extractPdfText(readFileSync(path))).pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Not set: add the DPO');
    expect(text).toContain('The incident has not yet been assessed on the grid.');
    expect(text).toContain('(c) Likely consequences Not recorded');
    expect(text).toContain('Outstanding before closure');
    context.db.close();
  });

  it('refuses to write the report over the register or with the wrong extension', async () => {
    const context = open();
    const incident = recordedIncident(context);
    await expect(exportIncidentReport(context.db, context, context.databasePath, incident.id, context.databasePath)).rejects.toThrow(/is written as \.pdf/);
    await expect(exportIncidentReport(context.db, context, context.databasePath, incident.id, temp.path('report.docx'))).rejects.toThrow(/end the file name with that/);
    context.db.close();
  });

  it('logs every incident, notified or not, as XLSX of values: numbers stay numbers, formula-like text is neutralised', async () => {
    const context = open();
    recordedIncident(context);
    // Not notified: decided not to, with the reason; and a title an attacker could plant.
    const quiet = createIncident(context.db, context, incidentFields({ title: '=HYPERLINK("http://evil.example","click")', description: '+cmd|calc', becameAwareAt: london('2026-03-20T09:00:00Z'), approximateRecords: 12 }));
    assessIncident(context.db, context, quiet.id, { likelihood: 1, severity: 1, icoDecision: 'do-not-notify', icoDecisionReason: '@risk none: encrypted laptop recovered unopened', individualsDecision: 'do-not-tell', individualsDecisionReason: 'No risk' });
    recordNotification(context.db, context, quiet.id, { recipient: 'dars', sentAt: london('2026-03-20T10:00:00Z'), channel: 'phone' });
    clock = new Date('2026-04-01T09:00:00Z');
    changeIncidentStatus(context.db, context, quiet.id, 'closed', '-no lessons');

    const path = temp.path('breach-log.xlsx');
    const result = await exportBreachLog(context.db, context, context.databasePath, path);
    expect(result.incidents).toBe(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Breach log']);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(breachLogHeaders);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(breachLogHeaders.indexOf(name) + 1);
    // Oldest first: the quiet one became aware on 20 March.
    expect(cell(2, 'Title').value).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(cell(2, 'What happened').value).toBe("'+cmd|calc");
    expect(cell(2, 'Reason for the ICO decision').value).toBe("'@risk none: encrypted laptop recovered unopened");
    expect(cell(2, 'Lessons learned').value).toBe("'-no lessons");
    expect(cell(2, 'ICO decision').value).toBe('Do not notify the ICO');
    expect(cell(2, 'ICO clock').value).toBe('Not required');
    expect(cell(2, 'Status').value).toBe('Closed');
    expect(cell(2, 'Approximate records').value).toBe(12);
    expect(cell(3, 'Reference').value).toBe('INC-2026-001');
    expect(cell(3, 'Approximate people').value).toBe(95000);
    expect(cell(3, 'Likelihood (1-5)').value).toBe(3);
    expect(cell(3, 'Health data').value).toBe('Yes');
    expect(cell(3, 'ICO clock').value).toBe('On time');
    expect(cell(3, 'DARS acknowledgement reference').value).toBe('DARS-INC-0099');
    // Values only: no cell of any row holds a formula.
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    context.db.close();
  });

  it('never writes a text cell a spreadsheet would run as a formula, whatever the incident says (property)', async () => {
    const context = open();
    const leads = ['=', '+', '-', '@', '\t', '\r', 'a', ' '];
    const risky = fc.tuple(fc.constantFrom(...leads), fc.string({ maxLength: 30 })).map(([lead, rest]) => `${lead}${rest}`.trim() === '' ? 'x' : `${lead}${rest}`);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(risky, risky, risky, async (title, reportedBy, consequences) => {
        run += 1;
        createIncident(context.db, context, incidentFields({ title: title.trim() || 'x', reportedBy, likelyConsequences: consequences }));
        const path = temp.path(`log-${run}.csv`);
        await exportBreachLog(context.db, context, context.databasePath, path);
        const rows = parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { relax_column_count: false }) as string[][];
        for (const row of rows) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 25 },
    );
    context.db.close();
  });

  it('writes the same log as CSV, neutralised the same way', async () => {
    const context = open();
    createIncident(context.db, context, incidentFields({ title: '=1+1', approximatePeople: 40 }));
    const path = temp.path('breach-log.csv');
    await exportBreachLog(context.db, context, context.databasePath, path);
    const rows = parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.Title).toBe("'=1+1");
    expect(rows[0]!['Approximate people']).toBe('40');
    expect(rows[0]!['ICO clock']).toMatch(/^Running: /);
    context.db.close();
  });
});
