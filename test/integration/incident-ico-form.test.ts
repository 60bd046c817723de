import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { copyFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';
import { writeSettings } from '../../electron/db/settings-repository';
import { exportBreachLog, exportIncidentReport } from '../../electron/incidents/incident-exports';
import { readIncident } from '../../electron/incidents/incident-rows';
import { assessIncident, createIncident, getIncident, recordNotification } from '../../electron/incidents/incident-service';
import { writeIncidentSettings } from '../../electron/incidents/incident-settings-store';
import type { ServiceContext } from '../../electron/ipc/context';
import { createServiceContext } from '../../electron/service-context';
import { requiredNotifications, clockState } from '../../shared/incidents/notification-clocks';
import { defaultIncidentSettings } from '../../shared/incidents/incident-settings';
import { compliantRegister } from '../helpers/compliant-register';
import { incidentFields, london } from '../helpers/incident-fixtures';
import { extractPdfText } from '../helpers/pdf-text';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/**
 * Issue 14, item 1: the incident record carries what the ICO's personal data breach report asks,
 * each recipient has a thread of an initial report and follow-ups, the Art 33 report prints the
 * latest state and that history, and the DSPT grid's shipped default is NHS Digital's.
 */
describe('incidents to the ICO’s form', () => {
  const temp = useTempDir();
  let clock = new Date('2026-03-27T11:00:00Z');

  function open(): ServiceContext {
    clock = new Date('2026-03-27T11:00:00Z');
    const { context } = createServiceContext({ databasePath: temp.path('register.sqlite'), appVersion: 't', now: () => clock });
    storeRegister(context.db, compliantRegister().build());
    writeSettings(context.db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah (IG lead)' });
    writeIncidentSettings(context.db, context, { dpo: { name: 'Dr Alex Example', role: 'Data Protection Officer', email: 'dpo@exampleton.ac.uk', phone: null, address: null } });
    return context;
  }

  const icoForm = {
    howDiscovered: 'A Custodian finding on the weekly register check flagged the copy.',
    icoCaseReference: 'IC-412345-K7Q2',
    dataCategories: ['health', 'biometric', 'political-opinions', 'trade-union-membership', 'criminal-offences'] as const,
    peopleKinds: ['patients', 'children', 'vulnerable-adults'] as const,
    cyber: { kind: 'unauthorised-access' as const, details: 'Bucket policy allowed list access', reportedToNcsc: false },
  };

  /** Assessed to notify, DARS told on time, the ICO told on time, then updated twice, the last after the 72 hours. */
  function withThreads(context: ServiceContext) {
    const created = createIncident(context.db, context, incidentFields({ ...icoForm, dataCategories: [...icoForm.dataCategories], peopleKinds: [...icoForm.peopleKinds] }));
    assessIncident(context.db, context, created.id, { likelihood: 3, severity: 2, icoDecision: 'notify', icoDecisionReason: 'Health data', individualsDecision: 'do-not-tell', individualsDecisionReason: 'No access logged' });
    recordNotification(context.db, context, created.id, { recipient: 'dars', sentAt: london('2026-03-27T12:00:00Z'), channel: 'email', reference: 'DARS-INC-0099' });
    recordNotification(context.db, context, created.id, { recipient: 'ico', sentAt: london('2026-03-28T09:00:00Z'), channel: 'dspt-incident-tool', reference: 'DSPT-20260328-4' });
    recordNotification(context.db, context, created.id, { recipient: 'ico', kind: 'follow-up', sentAt: london('2026-03-30T14:00:00Z'), channel: 'email', reference: 'IC-412345-K7Q2', note: 'Deletion verified; no access by others in the bucket logs.' });
    // Four days after becoming aware: past the ICO's 72 hours, yet a follow-up needs no reason it was late.
    recordNotification(context.db, context, created.id, { recipient: 'ico', sentAt: london('2026-03-31T10:00:00Z'), channel: 'email', reference: 'IC-412345-K7Q2', note: 'Root cause: a default bucket policy; fixed by cloud policy.' });
    recordNotification(context.db, context, created.id, { recipient: 'dars', sentAt: london('2026-03-31T11:00:00Z'), channel: 'email', reference: 'DARS-INC-0099', note: 'Closure summary.' });
    return getIncident(context.db, created.id);
  }

  it('keeps the ICO form’s answers: how it was discovered, the ICO case reference, every special category', () => {
    const context = open();
    const incident = withThreads(context);
    const stored = readIncident(context.db, incident.id)!;
    expect(stored.howDiscovered).toBe(icoForm.howDiscovered);
    expect(stored.icoCaseReference).toBe('IC-412345-K7Q2');
    expect(stored.dataCategories).toEqual(['health', 'biometric', 'political-opinions', 'trade-union-membership', 'criminal-offences']);
    expect(context.db.prepare('SELECT how_discovered, ico_case_reference FROM incidents').get()).toEqual({ how_discovered: icoForm.howDiscovered, ico_case_reference: 'IC-412345-K7Q2' });
    context.db.close();
  });

  it('threads each recipient’s notifications: one initial report, then follow-ups that do not move its clock', () => {
    const context = open();
    const incident = withThreads(context);
    const threads = (recipient: string) => incident.notifications.filter((n) => n.recipient === recipient).map((n) => [n.kind, n.reference]);
    expect(threads('ico')).toEqual([
      ['initial', 'DSPT-20260328-4'],
      ['follow-up', 'IC-412345-K7Q2'],
      ['follow-up', 'IC-412345-K7Q2'],
    ]);
    expect(threads('dars')).toEqual([
      ['initial', 'DARS-INC-0099'],
      ['follow-up', 'DARS-INC-0099'],
    ]);
    // The ICO was told on time by the initial report; the later follow-up does not make it late.
    const settings = defaultIncidentSettings();
    const ico = requiredNotifications(incident, settings).find((r) => r.recipient === 'ico')!;
    expect(ico.sent?.reference).toBe('DSPT-20260328-4');
    expect(clockState(ico, clock).kind).toBe('sent-on-time');
    context.db.close();
  });

  it('refuses a second initial report, a follow-up with nothing to follow, and a follow-up sent before the initial', () => {
    const context = open();
    const created = createIncident(context.db, context, incidentFields());
    expect(() => recordNotification(context.db, context, created.id, { recipient: 'dhsc', kind: 'follow-up', sentAt: london('2026-03-27T12:00:00Z'), channel: 'email' })).toThrow(
      'kind: a follow-up needs the initial notification to DHSC: log that first',
    );
    recordNotification(context.db, context, created.id, { recipient: 'dhsc', sentAt: london('2026-03-27T12:00:00Z'), channel: 'email' });
    expect(() => recordNotification(context.db, context, created.id, { recipient: 'dhsc', kind: 'initial', sentAt: london('2026-03-27T13:00:00Z'), channel: 'email' })).toThrow(
      'kind: the initial notification to DHSC was sent 27 March 2026, 12:00 GMT: log this one as a follow-up',
    );
    expect(() => recordNotification(context.db, context, created.id, { recipient: 'dhsc', kind: 'follow-up', sentAt: london('2026-03-27T11:30:00Z'), channel: 'email' })).toThrow(
      /sentAt: a follow-up must not be sent before the initial notification to DHSC/,
    );
    // An initial report after its deadline still needs its reason.
    expect(() => recordNotification(context.db, context, created.id, { recipient: 'ico', sentAt: london('2026-03-31T10:00:00Z'), channel: 'email' })).toThrow(/lateReason: .*give the reason it was late/);
    context.db.close();
  });

  it('prints the latest state and each thread’s history in the Art 33 report, read back from the PDF', async () => {
    const context = open();
    const incident = withThreads(context);
    const path = temp.path('INC-2026-001.pdf');
    await exportIncidentReport(context.db, context, context.databasePath, incident.id, path);
    const text = (await extractPdfText(readFileSync(path))).pages.join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Report Follow-up report: the initial report went to the ICO 28 March 2026, 09:00 GMT (reference DSPT-20260328-4); 2 follow-ups since, the latest 31 March 2026, 11:00 BST',
      'ICO case reference IC-412345-K7Q2',
      'How it was discovered A Custodian finding on the weekly register check flagged the copy.',
      'Cyber incident Yes: Unauthorised access (hacking)',
      'Biometric data used to identify people (special category)',
      'Political opinions (special category)',
      'Trade union membership (special category)',
      'Criminal convictions or offences',
      'Children, Vulnerable adults',
      'Thread with ICO (through the DSPT)',
      'Initial report 28 March 2026, 09:00 GMT',
      'Follow-up 1 30 March 2026, 15:00 BST',
      'Deletion verified; no access by others in the bucket logs.',
      'Follow-up 2 31 March 2026, 11:00 BST',
      'Latest: Follow-up 2, sent 31 March 2026, 11:00 BST, their reference IC-412345-K7Q2.',
      'Thread with NHS England DARS',
      'Latest: Follow-up 1, sent 31 March 2026, 12:00 BST, their reference DARS-INC-0099.',
      'Follow-up to ICO (through the DSPT)',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // KEEP_INCIDENT_PDF=/tmp/x.pdf keeps the report for a person to render with pdftoppm and look at.
    if (process.env.KEEP_INCIDENT_PDF) copyFileSync(path, process.env.KEEP_INCIDENT_PDF);
    context.db.close();
  });

  it('logs the follow-ups, the ICO case reference and how it was discovered in the breach log', async () => {
    const context = open();
    withThreads(context);
    const path = temp.path('breach-log.csv');
    await exportBreachLog(context.db, context, context.databasePath, path);
    const rows = parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      'How discovered': icoForm.howDiscovered,
      'ICO reference': 'DSPT-20260328-4',
      'ICO case reference': 'IC-412345-K7Q2',
      'ICO follow-ups': '2 (latest 31 March 2026, 11:00 BST, IC-412345-K7Q2)',
      'DARS follow-ups': '1 (latest 31 March 2026, 12:00 BST, DARS-INC-0099)',
      'DHSC follow-ups': '',
      'ICO clock': 'On time',
    });
    context.db.close();
  });

  it('says an incident not yet sent to the ICO is the initial report', async () => {
    const context = open();
    const incident = createIncident(context.db, context, incidentFields());
    const path = temp.path('initial.pdf');
    await exportIncidentReport(context.db, context, context.databasePath, incident.id, path);
    const text = (await extractPdfText(readFileSync(path))).pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Report Initial report (not yet sent to the ICO)');
    expect(text).toContain('ICO case reference Not yet given by the ICO');
    expect(text).toContain('Cyber incident No');
    context.db.close();
  });

  it('ships the DSPT grid NHS Digital describes: reportable to the ICO from "likely" and "minor", not below either', () => {
    const context = open();
    const outcome = (likelihood: number, severity: number) => {
      const created = createIncident(context.db, context, incidentFields({ title: `L${likelihood} S${severity}` }));
      return assessIncident(context.db, context, created.id, { likelihood, severity }).assessment!;
    };
    expect(outcome(3, 2)).toMatchObject({ icoReportable: true, outcome: 'Reportable to the ICO', likelihoodLabel: 'Likely' });
    expect(outcome(3, 2).severityLabel).toMatch(/^Potentially some minor adverse effect/);
    expect(outcome(2, 5)).toMatchObject({ icoReportable: false, outcome: 'Not reportable' });
    expect(outcome(5, 1)).toMatchObject({ icoReportable: false, outcome: 'Not reportable' });
    expect(outcome(5, 2)).toMatchObject({ icoReportable: true });
    // DHSC from serious up: the (check) cells, editable in the settings.
    expect(outcome(3, 4)).toMatchObject({ icoReportable: true, dhscReportable: true, outcome: 'Reportable to the ICO and DHSC' });
    context.db.close();
  });

  it('takes the new fields and a follow-up from the CLI', async () => {
    const db = temp.path('cli.sqlite');
    const opened = openDatabase(db, { create: true });
    storeRegister(opened.db, compliantRegister().build());
    opened.db.close();
    const run = async (args: string[]) => {
      const result = await runCliCaptured([...args, '--db', db]);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code).toBe(0);
      return result.stdout;
    };
    await run(['incident', 'open', '--title', 'Biometric extract emailed', '--description', 'Sent to the wrong trust.', '--type', 'human-error', '--became-aware-at', '2026-03-27T10:00',
      '--how-discovered', 'The receiving trust phoned', '--ico-case-reference', 'IC-777', '--data-categories', 'health,biometric,trade-union-membership', '--people-kinds', 'patients,children']);
    expect(await run(['incident', 'notify', 'INC-2026-001', '--recipient', 'ico', '--sent-at', '2026-03-28T09:00', '--channel', 'dspt-incident-tool', '--reference', 'DSPT-1'])).toContain('Logged the initial notification of INC-2026-001 to ico');
    expect(await run(['incident', 'notify', 'INC-2026-001', '--recipient', 'ico', '--kind', 'follow-up', '--sent-at', '2026-04-02T09:00', '--channel', 'email', '--reference', 'IC-777', '--note', 'Recipient confirmed deletion'])).toBe(
      'Logged a follow-up of INC-2026-001 to ico sent 2 April 2026, 09:00 BST (their reference IC-777).\n',
    );
    const shown = JSON.parse(await run(['incident', 'show', 'INC-2026-001', '--json']));
    expect(shown).toMatchObject({ howDiscovered: 'The receiving trust phoned', icoCaseReference: 'IC-777', dataCategories: ['health', 'biometric', 'trade-union-membership'], peopleKinds: ['patients', 'children'] });
    expect(shown.notifications.map((n: { kind: string; reference: string }) => [n.kind, n.reference])).toEqual([
      ['initial', 'DSPT-1'],
      ['follow-up', 'IC-777'],
    ]);
    expect(await run(['incident', 'show', 'INC-2026-001'])).toContain('ICO case reference: IC-777');
    // A second initial report is refused with a one-line message naming the flag, exit 2 (refused input).
    const refused = await runCliCaptured(['incident', 'notify', 'INC-2026-001', '--recipient', 'ico', '--kind', 'initial', '--sent-at', '2026-04-03T09:00', '--channel', 'email', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/--kind.*log this one as a follow-up/);
  });

  it('migration 006 marks each thread’s later notifications as follow-ups in a register written before it', () => {
    const path = temp.path('v5.sqlite');
    openDatabase(path, { create: true, migrationList: migrations.filter((m) => m.version <= 5) }).db.close();
    const raw = new BetterSqlite3(path);
    raw.prepare(`INSERT INTO incidents (id, reference, title, description, type, became_aware_at, became_aware_zone, created_at) VALUES ('i1', 'INC-2026-001', 'Old', 'Old incident', 'other', '2026-03-27T10:00:00.000Z', 'Europe/London', '2026-03-27T10:05:00.000Z')`).run();
    const insert = raw.prepare(`INSERT INTO incident_notifications (id, incident_id, recipient, recipient_detail, sent_at, sent_zone, channel) VALUES (?, 'i1', ?, ?, ?, 'Europe/London', 'email')`);
    insert.run('n-ico-2', 'ico', null, '2026-03-29T09:00:00.000Z');
    insert.run('n-ico-1', 'ico', null, '2026-03-28T09:00:00.000Z');
    insert.run('n-dars', 'dars', null, '2026-03-27T12:00:00.000Z');
    insert.run('n-police', 'other', 'Police', '2026-03-27T13:00:00.000Z');
    insert.run('n-trust', 'other', 'Leeds THT', '2026-03-27T14:00:00.000Z');
    raw.close();
    const upgraded = openDatabase(path, { create: false });
    expect(upgraded.migratedFrom).toBe(5);
    const kinds = Object.fromEntries(readIncident(upgraded.db, 'i1')!.notifications.map((n) => [n.id, n.kind]));
    expect(kinds).toEqual({ 'n-dars': 'initial', 'n-police': 'initial', 'n-trust': 'initial', 'n-ico-1': 'initial', 'n-ico-2': 'follow-up' });
    expect(readIncident(upgraded.db, 'i1')!.howDiscovered).toBeNull();
    // A thread keeps a single initial report, whatever writes to the file.
    expect(() => upgraded.db.prepare("UPDATE incident_notifications SET kind = 'initial' WHERE id = 'n-ico-2'").run()).toThrow(/UNIQUE/);
    upgraded.db.close();
  });
});
