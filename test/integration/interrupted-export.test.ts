import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { listAuditEntries } from '../../electron/register/audit-log';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import { runCliProcess } from '../helpers/cli-process';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/** An export killed (SIGKILL) before and after committing its audit entry, then another export into the same folder. */
describe('an export interrupted by a crash', () => {
  const temp = useTempDir('custodian-interrupted-export-');

  function register(): string {
    const db = temp.path('register.sqlite');
    const opened = openDatabase(db, { create: true });
    storeRegister(opened.db, compliantRegister().build());
    opened.db.close();
    return db;
  }
  const exportsRecorded = (db: string) => {
    const opened = openDatabase(db, { create: false, readonly: true });
    try {
      return listAuditEntries(opened.db, { offset: 0, limit: 10, action: 'export' }).entries.map((e) => e.detail as { file: string; sha256: string });
    } finally {
      opened.db.close();
    }
  };
  const temporaries = () => readdirSync(temp.dir).filter((n) => n.endsWith('.tmp'));

  it('killed after recording it: never a file without an entry; the next export finishes it', async () => {
    const db = register();
    const killed = await runCliProcess(['export', 'findings', temp.path('findings.csv'), '--as-of', SCENARIO_AS_OF, '--db', db], { CUSTODIAN_CRASH_AT: 'export:committed' });
    expect(killed.signal).toBe(9);
    expect(existsSync(temp.path('findings.csv'))).toBe(false);
    expect(temporaries()).toHaveLength(1);
    const [recorded] = exportsRecorded(db);
    expect(recorded).toMatchObject({ file: 'findings.csv' });

    expect((await runCliCaptured(['export', 'deadlines', temp.path('deadlines.ics'), '--db', db])).code).toBe(0);
    expect(temporaries()).toEqual([]);
    const sha = createHash('sha256').update(readFileSync(temp.path('findings.csv'))).digest('hex');
    expect(sha).toBe(recorded!.sha256);
  }, 60_000);

  it('killed before recording it: no file, no entry, and the next export removes the leftover', async () => {
    const db = register();
    const killed = await runCliProcess(['export', 'findings', temp.path('findings.csv'), '--as-of', SCENARIO_AS_OF, '--db', db], { CUSTODIAN_CRASH_AT: 'export:written' });
    expect(killed.signal).toBe(9);
    expect(temporaries()).toHaveLength(1);
    expect(exportsRecorded(db)).toEqual([]);

    expect((await runCliCaptured(['export', 'deadlines', temp.path('deadlines.ics'), '--db', db])).code).toBe(0);
    expect(temporaries()).toEqual([]);
    expect(existsSync(temp.path('findings.csv'))).toBe(false);
    expect(exportsRecorded(db).map((e) => e.file)).toEqual(['deadlines.ics']);
  }, 60_000);
});
