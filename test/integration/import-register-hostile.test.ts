import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { createRecord } from '../../electron/register/register-service';
import { testActor } from '../helpers/register-seed';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
/** C0, DEL and C1 characters in a text: what a terminal would act on rather than show. */
const controlCharacters = (text: string) => [...text].filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));

describe('import register with a hostile or damaged file', () => {
  const temp = useTempDir();

  async function registerAndSnapshot(): Promise<{ db: string; snapshot: string }> {
    const db = temp.path('register.sqlite');
    const opened = openDatabase(db, { create: true });
    createRecord(opened.db, testActor(), 'organisation', { legalName: 'Leeds Teaching Hospitals NHS Trust' });
    opened.db.close();
    const snapshot = temp.path('snapshot.json');
    expect((await runCliCaptured(['export', 'register', snapshot, '--db', db])).code).toBe(0);
    return { db, snapshot };
  }

  it('refuses invalid UTF-8 (a name saved as Windows-1252) instead of importing U+FFFD, naming the byte', async () => {
    const { db, snapshot } = await registerAndSnapshot();
    const text = readFileSync(snapshot, 'utf8').replace('Leeds Teaching', 'Leeds T\u00e9aching');
    const bytes = Buffer.from(text, 'latin1'); // é as the single byte 0xE9
    writeFileSync(snapshot, bytes);
    const before = readFileSync(db);
    const run = await runCliCaptured(['import', 'register', snapshot, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `custodian: ${snapshot} is not UTF-8 text (byte ${bytes.indexOf(0xe9) + 1} is not valid UTF-8): a snapshot is the UTF-8 JSON "custodian export register" writes; nothing was imported\n`,
    );
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('never echoes raw control characters from a file that is not JSON', async () => {
    const { db } = await registerAndSnapshot();
    const file = temp.path('evil.json');
    writeFileSync(file, `${ESC}[2J${ESC}]0;owned${BEL}\r\nnot json`);
    const run = await runCliCaptured(['import', 'register', file, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^custodian: .*evil\.json is not valid JSON \(.*\); nothing was imported\n$/);
    expect(controlCharacters(run.stderr.slice(0, -1))).toEqual([]);
  });

  it('never echoes raw control characters quoted from a record in the file', async () => {
    const { db, snapshot } = await registerAndSnapshot();
    const value = JSON.parse(readFileSync(snapshot, 'utf8'));
    const organisation = value.register.organisations[0];
    // The same id twice: the refusal quotes the id, escape sequence and all.
    const evil = { ...organisation, id: `x${ESC}[31m${BEL}` };
    value.register.organisations.push(evil, evil);
    writeFileSync(snapshot, JSON.stringify(value));
    const run = await runCliCaptured(['import', 'register', snapshot, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('register.organisations[2].id: id "x [31m " is used twice in this file');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(controlCharacters(run.stderr.slice(0, -1))).toEqual([]);
  });
});
