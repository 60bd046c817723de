import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { writeSettings } from '../../electron/db/settings-repository';
import { loadRegister } from '../../electron/register/load-register';
import { computeFindings } from '../../shared/findings';
import type { DestructionRule } from '../../shared/register/records';
import { formatDate } from '../../shared/register/format-date';
import { localIsoDate } from '../../shared/register/local-date';
import { RegisterBuilder } from '../helpers/register-builder';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

const NIC = 'DARS-NIC-12345-ABCDE';
/** Certificates are numbered by the year they are issued in: this year, on the CLI's clock. */
const NUMBER = `COD-${localIsoDate(new Date()).slice(0, 4)}-0001`;

/**
 * An agreement that ended on 30 September 2026 (before today), with two data years of one dataset:
 * 2024/25 received June 2025 and 2025/26 received 15 October 2026. Each year has a primary copy on
 * a local server and a backup.
 */
function endedAgreement(rule: DestructionRule): RegisterBuilder {
  return new RegisterBuilder()
    .organisation('trust', { legalName: 'Leeds Teaching Hospitals NHS Trust', odsCode: 'RR8', roles: ['controller'] })
    .organisation('csu', { legalName: 'North of England CSU', roles: ['processor'] })
    .dsfc('dsfc', { reference: 'CON-622644-N9S3P-v2.03', controller: 'trust' })
    .dsa('dsa', NIC, { title: 'Emergency readmissions' })
    .version('v1', { dsa: 'dsa', version: '2', start: '2023-10-01', end: '2026-09-30', controllers: ['trust'], processors: ['csu'], dsfc: 'dsfc', destructionRule: rule })
    .dataset('ecds', 'v1', 'Emergency Care Data Set', { typeOfData: 'Pseudonymised' })
    .location('server', { name: 'Leeds analysis server', operator: 'trust', kind: 'on-premises-server' })
    .location('vault', { name: 'CSU backup vault', operator: 'csu', kind: 'backup' })
    .approve('a1', 'v1', 'server', 'storage')
    .approve('a2', 'v1', 'vault', 'backup')
    .holding('y2024', 'v1', 'ecds', { darsFileReference: 'NIC12345_ECDS_2024', receivedDate: '2025-06-01', dataYear: '2024/25', recordCount: 50_000 })
    .holding('y2025', 'v1', 'ecds', { darsFileReference: 'NIC12345_ECDS_2025', receivedDate: '2026-10-15', dataYear: '2025/26', recordCount: 52_000 })
    .copy('p2024', 'y2024', 'server', 'primary', { pathOrDescription: '/srv/ecds/2024' })
    .copy('b2024', 'y2024', 'vault', 'backup', { pathOrDescription: 'Tape set 7' })
    .copy('p2025', 'y2025', 'server', 'primary', { pathOrDescription: '/srv/ecds/2025' })
    .copy('b2025', 'y2025', 'vault', 'backup', { pathOrDescription: 'Tape set 9' });
}

describe('destruction and certificates from the CLI', () => {
  const temp = useTempDir('custodian-destruction-cli-');

  function register(rule: DestructionRule): string {
    const path = temp.path('register.sqlite');
    const { db } = openDatabase(path, { create: true });
    storeRegister(db, endedAgreement(rule).build());
    // A certificate is prepared by a person named in Settings, never the OS account.
    writeSettings(db, { organisationName: 'Leeds Teaching Hospitals NHS Trust', displayName: 'Priya Shah' });
    db.close();
    return path;
  }

  const cli = (db: string, ...args: string[]) => runCliCaptured([...args, '--db', db]);

  async function destroyHolding(db: string, copies: readonly string[]): Promise<void> {
    const evidence = temp.path('shred-certificate.txt');
    writeFileSync(evidence, 'Shredding certificate 4471: 2 tapes');
    const primary = await cli(db, 'destruction', 'record', '--copy', copies[0]!, '--method-type', 'Clear', '--method', 'Secure delete of files', '--tool', 'shred', '--tool-version', '9.4', '--at', '2026-11-02T10:15:00Z', '--operator', 'Sam Jones', '--verification-method', 'Directory listing', '--verification-result', 'Folder empty', '--outcome', 'destroyed', '--evidence', evidence);
    expect(primary.stderr).toBe('');
    expect(primary.code).toBe(0);
    expect(primary.stdout).toMatch(/^Recorded: primary copy of NIC12345_ECDS_\d{4} at Leeds analysis server: destroyed on 2 November 2026 \(Clear: Secure delete of files\); 1 evidence file stored/);
    const json = temp.path('backup.json');
    writeFileSync(json, JSON.stringify({ copyId: copies[1], methodType: 'Destroy', method: 'Physical shredding', tool: null, performedAt: '2026-11-03T09:00:00+00:00', operator: 'Shred-It Ltd', verificationMethod: 'Witnessed', verificationResult: 'Tapes shredded', outcome: 'destroyed', evidence: ['shred-certificate.txt'] }));
    const backup = await cli(db, 'destruction', 'record', '--from', json);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
  }

  const cases: { rule: DestructionRule; holding: string; copies: [string, string]; deadline: string }[] = [
    { rule: { kind: 'days-after-end', days: 30 }, holding: 'y2024', copies: ['p2024', 'b2024'], deadline: '2026-10-30' },
    { rule: { kind: 'fixed-date', date: '2026-12-15' }, holding: 'y2024', copies: ['p2024', 'b2024'], deadline: '2026-12-15' },
    // 2024/25 must go six weeks after 2025/26 arrived (15 October 2026); 2025/26 has no deadline yet.
    { rule: { kind: 'rolling', weeks: 6 }, holding: 'y2024', copies: ['p2024', 'b2024'], deadline: '2026-11-26' },
  ];

  for (const { rule, holding, copies, deadline } of cases) {
    it(`takes a ${rule.kind} rule from deadline to a verified certificate`, async () => {
      const db = register(rule);
      const pending = await cli(db, 'destruction', 'pending', '--as-of', '2026-11-01', '--json');
      expect(pending.code).toBe(0);
      const before = JSON.parse(pending.stdout) as { pending: { holding: { id: string }; deadline: string | null; liveCopies: { id: string }[] }[] };
      const entry = before.pending.find((p) => p.holding.id === holding)!;
      expect(entry.deadline).toBe(deadline);
      expect(entry.liveCopies.map((c) => c.id).sort()).toEqual([...copies].sort());
      if (rule.kind === 'rolling') expect(before.pending.find((p) => p.holding.id === 'y2025')?.deadline).toBeNull();

      const refused = await cli(db, 'certificate', 'issue', '--dsa', NIC, '--holding', holding, '--output', temp.path('cert.pdf'));
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain(`Primary copy of NIC12345_ECDS_2024 at Leeds analysis server (${copies[0]}): no destruction is recorded for this copy`);
      expect(refused.stderr).toBe('custodian: certificate refused: 2 copies are still live\n');
      expect(existsSync(temp.path('cert.pdf'))).toBe(false);

      await destroyHolding(db, copies);
      const after = JSON.parse((await cli(db, 'destruction', 'pending', '--as-of', '2026-11-05', '--json')).stdout) as { pending: { holding: { id: string } }[] };
      expect(after.pending.map((p) => p.holding.id)).not.toContain(holding);

      const opened = openDatabase(db, { create: false });
      expect(computeFindings(loadRegister(opened.db), '2026-11-05').filter((f) => f.code === 'CERTIFICATE_MISSING').map((f) => f.subjects[0]?.id)).toEqual([holding]);
      opened.db.close();

      const issued = await cli(db, 'certificate', 'issue', '--dsa', NIC, '--version', '2', '--holding', holding, '--output', temp.path('cert.pdf'), '--validator', 'Alex Green');
      expect(issued.stderr).toBe('');
      expect(issued.code).toBe(0);
      expect(issued.stdout).toMatch(new RegExp(`^Issued certificate ${NUMBER} for DARS-NIC-12345-ABCDE v2 \\(1 holding\\(s\\)\\)\\.`));
      expect(existsSync(temp.path('cert.json'))).toBe(true);

      const verified = await cli(db, 'certificate', 'verify', temp.path('cert.pdf'));
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(new RegExp(`^Certificate ${NUMBER} is genuine and unchanged`));

      const reopened = openDatabase(db, { create: false });
      expect(computeFindings(loadRegister(reopened.db), '2026-11-05').filter((f) => f.code === 'CERTIFICATE_MISSING')).toEqual([]);
      reopened.db.close();
    });
  }

  it('verify exits 1 naming the change when the register changed after issue, and 2 for a file that is not a certificate', async () => {
    const db = register({ kind: 'days-after-end', days: 30 });
    await destroyHolding(db, ['p2024', 'b2024']);
    expect((await cli(db, 'certificate', 'issue', '--dsa', NIC, '--holding', 'y2024', '--output', temp.path('cert.pdf'))).code).toBe(0);
    const opened = openDatabase(db, { create: false });
    opened.db.prepare("UPDATE copies SET destroyed_date = '2026-11-04' WHERE id = 'p2024'").run();
    opened.db.close();
    const verdict = await cli(db, 'certificate', 'verify', temp.path('cert.json'));
    expect(verdict.code).toBe(1);
    expect(verdict.stdout).toContain('copy "Primary copy at Leeds analysis server" of NIC12345_ECDS_2024: destruction date differs: certificate 2026-11-02, register 2026-11-04');
    expect(verdict.stderr).toBe('custodian: 1 difference found\n');

    writeFileSync(temp.path('notes.txt'), 'not a certificate');
    const bad = await cli(db, 'certificate', 'verify', temp.path('notes.txt'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('custodian: notes.txt is not a Custodian certificate (not certificate JSON)\n');
    const missing = await cli(db, 'certificate', 'verify', temp.path('nothing.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^custodian: .*nothing\.pdf cannot be read \(ENOENT\)\n$/);
  });

  it('refuses bad input with exit 2 and one line naming the flag or the JSON path, recording nothing', async () => {
    const db = register({ kind: 'days-after-end', days: 30 });
    const base = ['destruction', 'record', '--copy', 'p2024', '--method-type', 'Purge', '--method', 'Overwrite', '--at', '2026-11-02T10:15:00Z', '--operator', 'Sam', '--verification-method', 'Listing', '--verification-result', 'Empty', '--outcome', 'destroyed'];
    const checks: [string[], RegExp][] = [
      [base.map((a) => (a === 'Purge' ? 'Wipe' : a)), /^custodian: --method-type: must be Clear, Purge or Destroy\n$/],
      [base.map((a) => (a === '2026-11-02T10:15:00Z' ? '2026-11-02' : a)), /^custodian: --at: must be a date and time such as/],
      [base.filter((a, i) => a !== '--operator' && base[i - 1] !== '--operator'), /^custodian: --operator is required \(or give --from FILE\.json\)\n$/],
      [[...base, '--exception-end', '2026-12-01'], /^custodian: --outcome: must be destroyed-with-exceptions when an exception reason or end date is given\n$/],
      [[...base, '--evidence', temp.path('missing.pdf')], /^custodian: The evidence file .*missing\.pdf cannot be read \(ENOENT\)/],
    ];
    for (const [args, message] of checks) {
      const run = await cli(db, ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim()).not.toContain('\n');
    }
    const list = temp.path('list.json');
    writeFileSync(list, JSON.stringify([
      { copyId: 'p2024', methodType: 'Purge', method: 'Overwrite', performedAt: '2026-11-02T10:15:00Z', operator: 'Sam', verificationMethod: 'Listing', verificationResult: 'Empty', outcome: 'destroyed' },
      { copyId: 'b2024', methodType: 'Purge', method: 'Overwrite', performedAt: 'yesterday', operator: 'Sam', verificationMethod: 'Listing', verificationResult: 'Empty', outcome: 'destroyed' },
    ]));
    const fromFile = await cli(db, 'destruction', 'record', '--from', list);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toMatch(/list\.json: \[1\]\.performedAt: must be a date and time/);
    const opened = openDatabase(db, { create: false });
    expect(opened.db.prepare('SELECT count(*) FROM destruction_records').pluck().get()).toBe(0);
    expect(opened.db.prepare("SELECT destroyed_date FROM copies WHERE id = 'p2024'").pluck().get()).toBeNull();
    opened.db.close();

    const badDate = await cli(db, 'destruction', 'pending', '--as-of', '2026-02-30');
    expect(badDate.code).toBe(2);
    const unknown = await cli(db, 'certificate', 'issue', '--dsa', 'DARS-NIC-99999-ZZZZZ', '--output', temp.path('x.pdf'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('custodian: There is no DSA DARS-NIC-99999-ZZZZZ in the register: check the NIC reference.\n');
  });

  it('prints the pending table and records the certificate status', async () => {
    const db = register({ kind: 'days-after-end', days: 30 });
    const table = await cli(db, 'destruction', 'pending', '--as-of', '2026-11-01');
    expect(table.stdout).toContain('Pending destruction on 1 November 2026: 2 holdings, 2 overdue');
    expect(table.stdout).toContain('30 October 2026   2 late      NIC12345_ECDS_2024 (DARS-NIC-12345-ABCDE v2)');
    await destroyHolding(db, ['p2024', 'b2024']);
    await cli(db, 'certificate', 'issue', '--dsa', NIC, '--holding', 'y2024', '--output', temp.path('c.pdf'));
    // The certificate is issued today (the CLI's clock), so it is sent and acknowledged today too.
    const today = localIsoDate(new Date());
    expect((await cli(db, 'certificate', 'mark-sent', NUMBER, '--date', today)).stdout).toBe(`Certificate ${NUMBER}: sent to DARS on ${formatDate(today)}.\n`);
    const early = await cli(db, 'certificate', 'mark-acknowledged', NUMBER, '--date', '2026-01-01');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^custodian: The acknowledgement date \(1 January 2026\) is before certificate COD-\d{4}-0001 was sent/);
    const ack = await cli(db, 'certificate', 'mark-acknowledged', NUMBER, '--date', today, '--reference', 'DARS-ACK-778');
    expect(ack.code).toBe(0);
    const list = await cli(db, 'certificate', 'list');
    expect(list.stdout).toMatch(new RegExp(`^${NUMBER}  ${today}  acknowledged ${today} \\(DARS-ACK-778\\)`));
    const impossible = await cli(db, 'certificate', 'mark-sent', NUMBER, '--date', '2026-13-01');
    expect(impossible.code).toBe(2);
    expect(readFileSync(temp.path('c.json'), 'utf8')).toContain(`"certificateNumber":"${NUMBER}"`);
  });
});
