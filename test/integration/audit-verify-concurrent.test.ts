import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { verifyAuditChain } from '../../electron/register/audit-verify';
import { createRecord } from '../../electron/register/register-service';
import { startTsProcess, stopProcess } from '../helpers/child-process';
import { testActor } from '../helpers/register-seed';
import { useTempDir } from '../helpers/temp-dir';

describe('audit verify beside a writer in another process', () => {
  const temp = useTempDir();

  it('never reports a broken chain while entries are being added', async () => {
    const path = temp.path('register.sqlite');
    const seeded = openDatabase(path, { create: true });
    createRecord(seeded.db, testActor(), 'organisation', { legalName: 'First organisation' });
    seeded.db.close();

    const writer = await startTsProcess('test/helpers/audit-writer-process.ts', [path]);
    const reader = openDatabase(path, { create: false, readonly: true });
    const results = [];
    try {
      for (let i = 0; i < 60; i++) {
        results.push(verifyAuditChain(reader.db));
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      reader.db.close();
      await stopProcess(writer);
    }
    // The writer really was writing throughout: the log grew between verifications.
    const sizes = new Set(results.map((r) => r.entries));
    expect(sizes.size).toBeGreaterThan(10);
    const alarms = results.filter((r) => !r.intact).map((r) => r.problem?.message);
    expect(alarms).toEqual([]);
  });
});
