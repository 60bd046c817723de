import { latestSchemaVersion } from '../../electron/db/migrations';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { cachedRegister } from '../../electron/register/register-cache';
import { createRecord } from '../../electron/register/register-service';
import { testActor } from '../helpers/register-seed';
import { useRegisterStore } from '../helpers/register-stores';
import { runCliCaptured } from '../helpers/run-cli';

describe('custodian init and the other commands with --db postgres://…', () => {
  const where = useRegisterStore('postgres');

  it('creates a register in an empty database, then finds it up to date, and every command takes the URL', async () => {
    const url = where.server!.url(await where.server!.createDatabase());
    expect(await runCliCaptured(['check', '--db', url])).toMatchObject({ code: 2, stderr: expect.stringContaining('No register at postgres://tester@localhost') });
    const created = await runCliCaptured(['init', '--db', url]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(/^Created register postgres:\/\/tester@localhost:\d+\/register_\d+_\d+\?host=.* \(schema (\d+)\)\.\n$/);
    expect(Number(/\(schema (\d+)\)/.exec(created.stdout)![1])).toBe(latestSchemaVersion);
    expect((await runCliCaptured(['init', '--db', url])).stdout).toContain(`is up to date (schema ${latestSchemaVersion})`);
    expect((await runCliCaptured(['add', 'organisation', '--legal-name', 'NHS Example Trust', '--db', url])).code).toBe(0);
    expect((await runCliCaptured(['settings', 'set', '--organisation-name', 'NHS Example Trust', '--db', url])).code).toBe(0);
    expect((await runCliCaptured(['settings', 'show', '--db', url], { CUSTODIAN_DB: url })).stdout).toContain('Organisation name:        NHS Example Trust');
    const listed = await runCliCaptured(['list', 'organisations', '--json'], { CUSTODIAN_DB: url });
    expect(JSON.parse(listed.stdout)).toMatchObject([{ legalName: 'NHS Example Trust' }]);
    expect((await runCliCaptured(['findings', '--db', url])).code).toBe(0);
    expect(await runCliCaptured(['backup', `${where.dir}/copy.sqlite`, '--db', url])).toMatchObject({ code: 2, stderr: expect.stringContaining('back a PostgreSQL register up with pg_dump') });
  });

  it('refuses a database that holds another application’s tables, and leaves it unchanged', async () => {
    const database = await where.server!.createDatabase();
    await where.server!.admin('CREATE TABLE invoices (id int)', database);
    const refused = await runCliCaptured(['init', '--db', where.server!.url(database)]);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('holds tables of another application, not a Custodian register; it was left unchanged') });
    const tables = await where.server!.admin("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", database);
    expect(tables.rows).toEqual([{ tablename: 'invoices' }]);
  });

  it('the app’s register cache answers from memory until any client changes the register', () => {
    const [app, cli] = [openDatabase(where.location(), { create: false }).db, openDatabase(where.location(), { create: false }).db];
    try {
      const first = cachedRegister(app).content;
      expect(cachedRegister(app).content).toBe(first);
      createRecord(cli, testActor(), 'organisation', { legalName: 'Written by another client' });
      const after = cachedRegister(app).content;
      expect(after).not.toBe(first);
      expect(after.organisations.map((o) => o.legalName)).toEqual(['Written by another client']);
    } finally {
      app.close();
      cli.close();
    }
  });
});
