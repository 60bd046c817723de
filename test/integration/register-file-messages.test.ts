import { openSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { createRecord } from '../../electron/register/register-service';
import { testActor } from '../helpers/register-seed';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

describe('what the CLI says about a register file that is not right', () => {
  const temp = useTempDir();

  /** A register with a few hundred entries, then one page in the middle overwritten, as a bad disk would. */
  function damagedRegister(page: number): string {
    const path = temp.path(`damaged-${page}.sqlite`);
    const { db } = openDatabase(path, { create: true });
    for (let i = 0; i < 200; i++) createRecord(db, testActor(), 'organisation', { legalName: `Organisation ${i} `.repeat(15).trim() });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, page * 4096);
    closeSync(fd);
    return path;
  }

  it.each([1, 20])('check reports a damaged register (page %i overwritten) as its finding: exit 1, what, how to restore', async (page) => {
    const path = damagedRegister(page);
    const run = await runCliCaptured(['check', '--db', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`Register: ${path}\nIntegrity: DAMAGED (database disk image is malformed)\n`);
    expect(run.stderr).toBe(
      `custodian: the register file is damaged (database disk image is malformed); restore it from a backup: with Custodian closed, copy your latest backup (made by "custodian backup" or your backup system) over ${path} and run "custodian check" again\n`,
    );
    expect(run.stderr).not.toContain('unexpected error');
  });

  it('audit verify on a register too damaged to read says so: exit 1 with how to restore, not "unexpected error"', async () => {
    const path = damagedRegister(20);
    const run = await runCliCaptured(['audit', 'verify', '--db', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `custodian: the register file is damaged (database disk image is malformed), so its audit log cannot be verified; restore it from a backup: with Custodian closed, copy your latest backup (made by "custodian backup" or your backup system) over ${path} and run "custodian check" again\n`,
    );
  });

  it.each([
    ['check', []],
    ['findings', []],
    ['audit verify', []],
    ['audit list', []],
    ['backup', ['COPY']],
    ['import register', ['SNAPSHOT']],
    ['export findings', ['OUT']],
  ])('an empty file given to %s is refused and left empty', async (command, extra) => {
    const path = temp.path('empty.sqlite');
    writeFileSync(path, '');
    writeFileSync(temp.path('snapshot.json'), '{}');
    const args = extra.map((a) => ({ COPY: temp.path('copy.sqlite'), SNAPSHOT: temp.path('snapshot.json'), OUT: temp.path('f.csv') })[a]!);
    const run = await runCliCaptured([...command.split(' '), ...args, '--db', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`custodian: ${path} is an empty file, not a Custodian register; run "custodian init --db ${path}" to make it one. It was left unchanged.\n`);
    expect(statSync(path).size).toBe(0);
  });

  it('init still makes a register of an empty file', async () => {
    const path = temp.path('empty.sqlite');
    writeFileSync(path, '');
    expect((await runCliCaptured(['init', '--db', path])).code).toBe(0);
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect((await runCliCaptured(['check', '--db', path])).code).toBe(0);
  });
});
