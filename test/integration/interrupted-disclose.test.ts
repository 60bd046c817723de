import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { listAuditEntries } from '../../electron/register/audit-log';
import { runCliProcess } from '../helpers/cli-process';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

/**
 * `disclose` killed (SIGKILL) between recording its export and renaming the published table into
 * place: the register holds the entry, the folder a temporary file; the next disclose into that
 * folder finishes the rename, so there is never a published table without its entry, nor an entry
 * whose table is lost.
 */
describe('disclose interrupted by a crash', () => {
  const temp = useTempDir('custodian-interrupted-disclose-');
  const table = 'area,sex,count\nLeeds,Female,3\nLeeds,Male,12\nYork,Female,0\nYork,Male,27\n';

  it('killed after recording: the next run finishes the table it recorded', async () => {
    const db = temp.path('register.sqlite');
    openDatabase(db, { create: true }).db.close();
    const input = temp.path('in.csv');
    writeFileSync(input, table);
    const killed = await runCliProcess(['disclose', input, '--profile', 'nhs-secondary-care', '--output', temp.path('out.csv'), '--db', db], {
      CUSTODIAN_CRASH_AT: 'disclose:recorded',
    });
    expect(killed.signal).toBe(9);
    expect(existsSync(temp.path('out.csv'))).toBe(false);
    expect(readdirSync(temp.dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    const opened = openDatabase(db, { create: false, readonly: true });
    const [entry] = listAuditEntries(opened.db, { offset: 0, limit: 10, action: 'export' }).entries;
    opened.db.close();
    const recorded = (entry!.detail as { output: { file: string; sha256: string } }).output;
    expect(recorded.file).toBe('out.csv');

    const next = await runCliCaptured(['disclose', input, '--profile', 'nhs-secondary-care', '--output', temp.path('again.csv'), '--db', db]);
    expect(next.code).toBe(0);
    expect(readdirSync(temp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(createHash('sha256').update(readFileSync(temp.path('out.csv'))).digest('hex')).toBe(recorded.sha256);
  }, 60_000);
});
