import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import type { RegisterConnection } from '../../electron/db/register-connection';
import { issueCertificate } from '../../electron/destruction/issue-certificate';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { appendAudit } from '../../electron/register/audit-log';
import { verifyAuditChain } from '../../electron/register/audit-verify';
import { loadRegister } from '../../electron/register/load-register';
import { storedRegisterFindings } from '../../electron/register/register-findings';
import { createRecord, getRecord } from '../../electron/register/register-service';
import { actorAt, destructionOf, openScenario } from '../helpers/destruction-scenario';
import { POSTGRES_TEST_PASSWORD } from '../helpers/postgres-server';
import { useRegisterStore } from '../helpers/register-stores';
import { runCliCaptured } from '../helpers/run-cli';
import { buildCli, spawnCli } from '../helpers/spawn-cli';

const people = {
  lead: 'custodian_ig_lead',
  priya: 'custodian_analyst',
  sam: 'custodian_destruction_officer',
  dee: 'custodian_dpo',
  audrey: 'custodian_auditor',
} as const;
type Person = keyof typeof people;

const refusal = async (work: () => unknown): Promise<string> => {
  try {
    await work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the database to refuse');
};

describe('roles enforced by PostgreSQL', () => {
  const where = useRegisterStore('postgres');

  async function team(): Promise<{ as: (person: Person) => RegisterConnection; url: (person: Person) => string; dataDir: string; close: () => void }> {
    const owner = openScenario(where.dir, undefined, undefined, where.location());
    owner.db.close();
    const database = new URL(where.location()).pathname.slice(1);
    for (const [person, role] of Object.entries(people)) await where.server!.admin(`DO $$ BEGIN CREATE ROLE ${person} LOGIN PASSWORD '${POSTGRES_TEST_PASSWORD}' IN ROLE ${role}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    const open: RegisterConnection[] = [];
    return {
      as: (person) => {
        const { db } = openDatabase(where.server!.url(database, person), { create: false });
        open.push(db);
        return db;
      },
      url: (person) => where.server!.url(database, person),
      dataDir: owner.dataDir,
      close: () => open.forEach((db) => db.close()),
    };
  }

  it('lets each role do its work, records its login in the audit log, and refuses the rest naming the role needed', { timeout: 60_000 }, async () => {
    const t = await team();
    const actor = actorAt();
    try {
      // IG lead: everything, and the log names the login, not the OS user.
      const lead = t.as('lead');
      createRecord(lead, actor, 'organisation', { legalName: 'Leeds Teaching Hospitals' });
      expect(lead.prepare('SELECT os_user FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('lead');

      // Analyst: reads the register and records a disclosure export against a holding; nothing else.
      const priya = t.as('priya');
      expect(loadRegister(priya).holdings.length).toBeGreaterThan(0);
      priya.transaction(() => {
        const entry = appendAudit(priya, actor, { action: 'export', recordKind: 'disclosureTable', recordId: null, before: null, after: null, detail: { file: 't.csv' } });
        priya.prepare('INSERT INTO disclosure_releases (holding_id, audit_seq, created_at, name, output_sha256, release_json) VALUES (?, ?, ?, ?, ?, ?)')
          .run('hes-2024', entry.seq, '2028-04-20T10:00:00.000Z', 't.csv', 'a'.repeat(64), '{}');
      })();
      expect(await refusal(() => createRecord(priya, actor, 'organisation', { legalName: 'Someone' }))).toBe(
        'The register refused: your database login "priya" may not change organisations; that needs the IG lead (custodian_ig_lead) role. Ask the register\'s owner to grant it.',
      );
      expect(await refusal(() => recordDestruction(priya, actor, t.dataDir, destructionOf('c-2024-aws')))).toMatch(
        /"priya" may not change destruction records; that needs one of the roles IG lead \(custodian_ig_lead\) or destruction officer \(custodian_destruction_officer\)/,
      );

      // Destruction officer: records destruction (a live copy marked destroyed), not certificates or records.
      const sam = t.as('sam');
      for (const copy of ['c-2024-aws', 'c-2024-tre', 'c-2024-vault']) await recordDestruction(sam, actor, t.dataDir, destructionOf(copy));
      expect(getRecord(sam, 'copy', 'c-2024-aws').record.destroyedDate).toBe('2028-04-10');
      expect(sam.prepare('SELECT DISTINCT recorded_by FROM destruction_records').pluck().all()).toEqual(['sam']);
      expect(await refusal(() => issueCertificate(sam, actor, { dsaReference: 'DARS-NIC-00574-V2H1F' }, `${where.dir}/sam.pdf`))).toMatch(/"sam" may not change certificates; that needs one of the roles IG lead \(custodian_ig_lead\) or DPO \(custodian_dpo\)/);
      // Row-level security: the officer may change a live copy only into a destroyed one.
      expect(await refusal(() => sam.prepare("UPDATE copies SET kind = 'derived' WHERE id = 'c-2023-tre'").run())).toMatch(
        /"sam" may not change copies \(the database allows that role only some rows here\)/,
      );

      // DPO: issues the certificate; cannot record destruction.
      const dee = t.as('dee');
      const issued = await issueCertificate(dee, actor, { dsaReference: 'DARS-NIC-00574-V2H1F' }, `${where.dir}/COD.pdf`);
      expect(issued.status).toBe('issued');
      expect(await refusal(() => recordDestruction(dee, actor, t.dataDir, destructionOf('c-2023-tre')))).toMatch(/"dee" may not change destruction records/);

      // Auditor: reads and verifies everything and saves reports (an export entry); changes nothing.
      const audrey = t.as('audrey');
      expect(verifyAuditChain(audrey)).toMatchObject({ intact: true });
      expect(storedRegisterFindings(audrey, loadRegister(audrey), '2028-04-20')).toBeInstanceOf(Array);
      expect(await refusal(() => createRecord(audrey, actor, 'organisation', { legalName: 'X' }))).toMatch(/"audrey" may not change organisations/);
      audrey.transaction(() => appendAudit(audrey, actor, { action: 'export', recordKind: 'register', recordId: null, before: null, after: null, detail: { file: 'readiness.pdf' } }))();
      expect(await refusal(() => audrey.transaction(() => appendAudit(audrey, actor, { action: 'acknowledge', recordKind: 'finding', recordId: 'X', before: null, after: null }))())).toMatch(
        /"audrey" may save reports, not make this change/,
      );
      expect(await refusal(() => audrey.transaction(() => appendAudit(audrey, actor, { action: 'export', recordKind: 'disclosureTable', recordId: null, before: null, after: null }))())).toMatch(
        /"audrey" may save reports, not make this change/,
      );

      // Only the DPO (or the IG lead) signs a certificate; the signature is kept as an audit entry.
      if (issued.status !== 'issued') throw new Error('the certificate was not issued');
      dee.transaction(() => appendAudit(dee, actor, { action: 'certificate-signed', recordKind: 'certificate', recordId: issued.certificate.id, before: null, after: null }))();
      expect(await refusal(() => sam.transaction(() => appendAudit(sam, actor, { action: 'certificate-signed', recordKind: 'certificate', recordId: issued.certificate.id, before: null, after: null }))())).toMatch(
        /"sam" may not sign certificates; that needs the DPO \(custodian_dpo\) or IG lead \(custodian_ig_lead\) role/,
      );

      // Nobody can write an entry under someone else's name.
      expect(await refusal(() => priya.prepare("INSERT INTO audit_log (seq, at, os_user, display_name, action, prev_hash, hash) VALUES (999, 'x', 'lead', '', 'export', '', '')").run())).toBe(
        'The register refused: an audit entry is written under the database login that makes it, and this connection\'s login is "priya".',
      );

      const logins = lead.prepare('SELECT DISTINCT os_user FROM audit_log ORDER BY os_user').pluck().all();
      expect(logins).toEqual(['audrey', 'dee', 'lead', 'priya', 'sam']);
      expect(verifyAuditChain(lead)).toMatchObject({ intact: true });
    } finally {
      t.close();
    }
  });

  it('the CLI says which role a refused command needs, exit 2', async () => {
    const t = await team();
    const refused = await runCliCaptured(['add', 'organisation', '--legal-name', 'Someone', '--db', t.url('audrey')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('your database login "audrey" may not change organisations; that needs the IG lead (custodian_ig_lead) role');
    const allowed = await runCliCaptured(['audit', 'verify', '--db', t.url('audrey')]);
    expect(allowed.code).toBe(0);
  });
});

describe('connection secrets', () => {
  const where = useRegisterStore('postgres');
  beforeAll(() => buildCli());

  it('reads the password from PGPASSFILE, and never prints one given in a URL', async () => {
    const location = where.location();
    // The server asks for a password; the URL has none, so it came from the PGPASSFILE.
    expect(location).not.toContain(POSTGRES_TEST_PASSWORD);
    expect(await spawnCli(['check', '--db', location])).toMatchObject({ code: 0, stderr: '' });
    const withoutPassfile = await spawnCli(['check', '--db', location], { env: { PGPASSFILE: `${where.dir}/none` } });
    expect(withoutPassfile.code).toBe(2);
    const withSecret = location.replace('tester@', 'tester:Hunter2-not-the-password@');
    const refused = await spawnCli(['check', '--db', withSecret]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/password authentication failed/);
    expect(refused.stderr).toContain(location.replace(/\?.*/, ''));
    expect(`${refused.stdout}${refused.stderr}`).not.toContain('Hunter2');
  });
});
