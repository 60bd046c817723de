import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { createIncident } from '../../electron/incidents/incident-service';
import { compliantRegister } from '../helpers/compliant-register';
import { incidentFields } from '../helpers/incident-fixtures';
import { extractPdfText } from '../helpers/pdf-text';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

const HOUR = 3_600_000;
const hoursAgo = (hours: number) => ({ at: new Date(Date.now() - hours * HOUR).toISOString(), timeZone: 'Europe/London' });

describe('custodian incident', () => {
  const temp = useTempDir();

  /** A register with two incidents on the real clock: one an hour old, one past the ICO's 72 hours. */
  function registerFile(): string {
    const path = temp.path('register.sqlite');
    const { db } = openDatabase(path, { create: true });
    storeRegister(db, compliantRegister().build());
    const actor = { now: () => new Date(), osUser: 'tester' };
    createIncident(db, actor, incidentFields({ title: 'Email to the wrong trust', becameAwareAt: hoursAgo(100), type: 'human-error' }));
    createIncident(db, actor, incidentFields({ title: 'HES extract in an unapproved bucket', becameAwareAt: hoursAgo(1) }));
    db.close();
    return path;
  }

  it('lists incidents newest first with their clocks in words', async () => {
    const db = registerFile();
    const run = await runCliCaptured(['incident', 'list', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^REFERENCE\s+STATUS\s+BECAME AWARE\s+CLOCKS\s+TITLE$/);
    const year = new Date().getFullYear();
    expect(lines[1]).toMatch(new RegExp(`^INC-${year}-002\\s+Open\\s+.+ (GMT|BST)\\s+DARS: 22 hours \\d+ minutes left; ICO: 2 days 22 hours left\\s+HES extract in an unapproved bucket$`));
    expect(lines[2]).toMatch(/^INC-\d{4}-001\s+Open\s+.+ (GMT|BST)\s+DARS: OVERDUE 3 days 4 hours; ICO: OVERDUE 1 day 4 hours\s+Email to the wrong trust$/);
  });

  it('prints JSON with each clock\u2019s state and what keeps the incident open', async () => {
    const db = registerFile();
    const run = await runCliCaptured(['incident', 'list', '--db', db, '--json']);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { incidents: { incident: { title: string }; clocks: { recipient: string; state: { kind: string } }[]; outstanding: string[] }[] };
    expect(parsed.incidents.map((i) => i.incident.title)).toEqual(['HES extract in an unapproved bucket', 'Email to the wrong trust']);
    expect(parsed.incidents[1]!.clocks.map((c) => [c.recipient, c.state.kind])).toEqual([
      ['dars', 'overdue'],
      ['ico', 'overdue'],
    ]);
    expect(parsed.incidents[1]!.outstanding[0]).toBe('The assessment on the DSPT grid has not been recorded.');
  });

  it('joins the incident clocks to custodian findings, which exits 1 for the overdue ones', async () => {
    const db = registerFile();
    const run = await runCliCaptured(['findings', '--db', db, '--json']);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: { code: string; severity: string }[] };
    const incidentCodes = findings.filter((f) => f.code.startsWith('INCIDENT_')).map((f) => [f.code, f.severity]);
    expect(incidentCodes).toEqual([
      ['INCIDENT_NOTIFICATION_OVERDUE', 'high'],
      ['INCIDENT_NOTIFICATION_OVERDUE', 'high'],
      ['INCIDENT_NOTIFICATION_DUE', 'high'],
      ['INCIDENT_NOTIFICATION_DUE', 'medium'],
    ]);
  });

  it('writes the report of one incident by reference, and the breach log as XLSX and CSV', async () => {
    const db = registerFile();
    const year = new Date().getFullYear();
    const pdf = temp.path('report.pdf');
    const report = await runCliCaptured(['incident', 'report', `INC-${year}-001`, '--output', pdf, '--db', db]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^Wrote .*report\.pdf \(PDF, SHA-256 [0-9a-f]{64}\)\.\n$/);
    expect((await extractPdfText(readFileSync(pdf))).pages[0]).toContain('Email to the wrong trust');

    const xlsx = await runCliCaptured(['incident', 'log', '--output', temp.path('log.xlsx'), '--db', db]);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout).toMatch(/\(XLSX, 2 incidents, SHA-256/);
    const csv = await runCliCaptured(['incident', 'log', '--output', temp.path('log.csv'), '--db', db]);
    expect(csv.code).toBe(0);
    expect(readFileSync(temp.path('log.csv'), 'utf8')).toContain('Email to the wrong trust');
  });

  it('exits 2 with one line for an unknown incident, a wrong extension, the register as output or a missing folder, writing nothing', async () => {
    const db = registerFile();
    const cases: [string[], RegExp][] = [
      [['incident', 'report', 'INC-1999-042', '--output', temp.path('x.pdf')], /^custodian: no incident "INC-1999-042": give its reference/],
      [['incident', 'log', '--output', temp.path('log.pdf')], /log\.pdf: the breach log is written as \.xlsx or \.csv; end the file name with one of those$/],
      [['incident', 'log', '--output', db], /register\.sqlite: the breach log is written as \.xlsx or \.csv/],
      [['incident', 'log', '--output', temp.path('nowhere/log.csv')], /the folder .*nowhere does not exist; create it or choose another place$/],
      [['incident', 'report', 'INC-2000-001'], /required option '--output <file>' not specified/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliCaptured([...args, '--db', db]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')[0]).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(temp.path('x.pdf'))).toBe(false);
    expect(readdirSync(temp.dir).sort()).toEqual(['register.sqlite', 'register.sqlite-shm', 'register.sqlite-wal'].filter((f) => existsSync(temp.path(f))));
  });
});
