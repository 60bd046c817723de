import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import type { RegisterConnection } from '../../electron/db/register-connection';
import { issueCertificate } from '../../electron/destruction/issue-certificate';
import { createIncident } from '../../electron/incidents/incident-service';
import { appendAudit } from '../../electron/register/audit-log';
import { destroyAll, openScenario } from '../helpers/destruction-scenario';
import { incidentFields } from '../helpers/incident-fixtures';
import { useRegisterStore } from '../helpers/register-stores';
import { runCliCaptured } from '../helpers/run-cli';

const HIP = 'DARS-NIC-00574-V2H1F';

/** Every table's rows, read in the order they were written, as a reader of either store would see them (the store's own row numbers left out). */
function contentsOf(location: string): Record<string, unknown[]> {
  const { db } = openDatabase(location, { create: false, readonly: true });
  try {
    const tables = tableNames(db);
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table}`).all().map(withoutRowid).sort(byJson)]));
  } finally {
    db.close();
  }
}

const tableNames = (db: RegisterConnection): string[] => {
  try {
    return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  } catch {
    return db.prepare("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT IN ('custodian_schema', 'custodian_revision') ORDER BY table_name").pluck().all() as string[];
  }
};
const withoutRowid = (row: unknown) => {
  const { rowid: _rowid, ...rest } = row as Record<string, unknown>;
  return rest;
};
const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

describe('custodian copy-register between SQLite and PostgreSQL', () => {
  const where = useRegisterStore('postgres');
  afterEach(() => {
    delete process.env.CUSTODIAN_DATA_DIR;
  });

  it('copies a register with destruction, a certificate, an incident and a release to SQLite and back, each copy checked', { timeout: 120_000 }, async () => {
    const original = where.location();
    const s = openScenario(where.dir, undefined, undefined, original);
    // A PostgreSQL register's files (evidence) are in the data folder CUSTODIAN_DATA_DIR names.
    process.env.CUSTODIAN_DATA_DIR = s.dataDir;
    await destroyAll(s, ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'], `${where.dir}/evidence`);
    const issued = await issueCertificate(s.db, s.actor, { dsaReference: HIP }, `${where.dir}/COD.pdf`);
    expect(issued.status).toBe('issued');
    createIncident(s.db, s.actor, incidentFields());
    s.db.transaction(() => {
      const entry = appendAudit(s.db, s.actor, { action: 'export', recordKind: 'disclosureTable', recordId: null, before: null, after: null, detail: { file: 't.csv' } });
      s.db.prepare('INSERT INTO disclosure_releases (holding_id, audit_seq, created_at, name, output_sha256, release_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run('hes-2024', entry.seq, '2028-04-20T10:00:00.000Z', 't.csv', 'a'.repeat(64), '{"name":"t.csv"}');
    })();
    s.db.close();
    const before = contentsOf(original);
    expect(before.certificate_contents).toHaveLength(1);
    expect(before.destruction_evidence).toHaveLength(3);

    const file = `${where.dir}/copy.sqlite`;
    const down = await runCliCaptured(['copy-register', original, file]);
    expect(down).toMatchObject({ code: 0, stderr: '' });
    expect(down.stdout).toContain('Certificates verified against the copy as against the source: 1.');
    expect(down.stdout).toContain(`Evidence files copied to ${where.dir}: 3 (0 already there).`);
    expect(contentsOf(file)).toEqual(before);
    for (const evidence of before.destruction_evidence as { stored_path: string }[]) expect(existsSync(`${where.dir}/${evidence.stored_path}`)).toBe(true);

    const back = where.server!.url(await where.server!.createDatabase());
    const up = await runCliCaptured(['copy-register', file, back, '--json']);
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({ certificatesVerified: 1, problems: [], evidence: { copied: 0, alreadyThere: 3 }, auditHead: { seq: before.audit_log!.length } });
    expect(contentsOf(back)).toEqual(before);
    // The copy is a working register: a certificate verifies with the CLI, and the next entry chains on.
    expect((await runCliCaptured(['certificate', 'verify', `${where.dir}/COD.pdf`, '--db', back])).code).toBe(0);
    expect((await runCliCaptured(['add', 'dsa', '--nic-reference', 'DARS-NIC-00001-AAAAA', '--db', back])).code).toBe(0);
    expect((await runCliCaptured(['audit', 'verify', '--db', back])).code).toBe(0);
  });

  it('refuses a target that is not empty, in either direction, and writes nothing', async () => {
    const original = where.location();
    expect((await runCliCaptured(['add', 'dsa', '--nic-reference', 'DARS-NIC-00001-AAAAA', '--db', original])).code).toBe(0);
    const file = `${where.dir}/full.sqlite`;
    expect((await runCliCaptured(['copy-register', original, file])).code).toBe(0);
    const intoFile = await runCliCaptured(['copy-register', original, file]);
    expect(intoFile).toMatchObject({ code: 2, stderr: expect.stringMatching(/full\.sqlite is not empty \(1 in audit_head, 1 in audit_log, 1 in dsas\); .*nothing was copied/) });
    const intoPostgres = await runCliCaptured(['copy-register', file, original]);
    expect(intoPostgres).toMatchObject({ code: 2, stderr: expect.stringContaining('is not empty') });
    expect(contentsOf(original).dsas).toHaveLength(1);
    const missing = await runCliCaptured(['copy-register', `${where.dir}/nothing.sqlite`, `${where.dir}/new.sqlite`]);
    expect(missing.code).toBe(2);
    expect(existsSync(`${where.dir}/new.sqlite`)).toBe(false);
  });
});
