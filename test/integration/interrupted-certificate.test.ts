import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRecords } from '../../electron/register/register-service';
import { openDatabase } from '../../electron/db/open-database';
import { runCliProcess } from '../helpers/cli-process';
import { destroyAll, openScenario } from '../helpers/destruction-scenario';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const HIP = 'DARS-NIC-00574-V2H1F';

/** `certificate issue` killed (SIGKILL, as a power cut) at its commit and staging points, then run again. */
describe('a certificate issue interrupted by a crash', () => {
  const temp = useTempDir('custodian-interrupted-');

  async function readyToCertify(): Promise<string> {
    const s = openScenario(temp.dir);
    await destroyAll(s, ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'], temp.path('evidence'));
    s.db.close();
    return join(temp.dir, 'register.sqlite');
  }
  const issueArgs = (db: string) => ['certificate', 'issue', '--dsa', HIP, '--version', '4.2', '--output', temp.path('COD.pdf'), '--db', db];
  const leftovers = () => readdirSync(temp.dir).filter((name) => name.includes('.staged') || name.endsWith('.tmp'));
  const certificates = (db: string) => {
    const opened = openDatabase(db, { create: false, readonly: true });
    try {
      return findRecords(opened.db, 'certificate', {}).length;
    } finally {
      opened.db.close();
    }
  };

  it('killed after its commit: the next run finishes it, and the certificate verifies', async () => {
    const db = await readyToCertify();
    const killed = await runCliProcess(issueArgs(db), { CUSTODIAN_CRASH_AT: 'certificate-issue:committed' });
    expect(killed.signal).toBe(9);
    expect(existsSync(temp.path('COD.pdf'))).toBe(false);
    expect(leftovers()).toHaveLength(2);
    expect(certificates(db)).toBe(1);

    const again = await runCliCaptured(issueArgs(db));
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Finished issuing certificate COD-\d{4}-0001: an earlier run was interrupted after recording it and before saving its files\.\n/);
    expect(leftovers()).toEqual([]);
    expect(certificates(db)).toBe(1);
    const verify = await runCliCaptured(['certificate', 'verify', temp.path('COD.pdf'), '--db', db]);
    expect(verify.code).toBe(0);
    expect((await runCliCaptured(['certificate', 'verify', temp.path('COD.json'), '--db', db])).code).toBe(0);
  }, 60_000);

  it('killed before its commit: the next run clears the staged files and issues it afresh', async () => {
    const db = await readyToCertify();
    const killed = await runCliProcess(issueArgs(db), { CUSTODIAN_CRASH_AT: 'certificate-issue:staged' });
    expect(killed.signal).toBe(9);
    expect(leftovers()).toHaveLength(2);
    expect(certificates(db)).toBe(0);

    const again = await runCliCaptured(issueArgs(db));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Issued certificate COD-\d{4}-0001 /);
    expect(leftovers()).toEqual([]);
    expect((await runCliCaptured(['certificate', 'verify', temp.path('COD.pdf'), '--db', db])).code).toBe(0);
  }, 60_000);
});
