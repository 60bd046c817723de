import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { runCliCaptured } from '../helpers/run-cli';
import { seedRegister } from '../helpers/register-seed';
import { useTempDir } from '../helpers/temp-dir';

/**
 * Issue 10, class 6: the same records tabulated twice. Region × sex is released first; region × age
 * band from the same holding would give away a count the first release hid, so it is refused, naming
 * the first release, while each table alone is safe.
 */
const temp = useTempDir('custodian-linked-');

function write(name: string, content: string): string {
  const path = temp.path(name);
  writeFileSync(path, content);
  return path;
}

/** Wide tables with totals: the region totals (30 and 26) are common to both. */
const bySex = 'region,F,M,Total\nR1,3,27,30\nR2,5,21,26\nTotal,8,48,56\n';
const byAge = 'region,A1,A2,Total\nR1,27,3,30\nR2,7,19,26\nTotal,34,22,56\n';
const profile = ['--profile', 'nhs-community-mental-health'];

describe('custodian disclose --holding: tables from one holding are audited together', () => {
  it('keeps each release with the holding and refuses a later table that would give an earlier count away', async () => {
    const db = temp.path('register.sqlite');
    const opened = openDatabase(db, { create: true });
    const { holding } = seedRegister(opened.db);
    opened.db.close();
    const env = { CUSTODIAN_DB: db };

    // Each table alone is safe.
    const alone = await runCliCaptured(['disclose', write('age-alone.csv', byAge), ...profile, '--output', temp.path('age-alone-out.csv')], env);
    expect(alone.code).toBe(0);

    const first = await runCliCaptured(
      ['disclose', write('sex.csv', bySex), ...profile, '--holding', 'NIC00574_HES_APC_2024', '--output', temp.path('sex-out.csv'), '--report', temp.path('sex.json')],
      env,
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const check = openDatabase(db, { create: false });
    const kept = check.db.prepare('SELECT holding_id AS holding, name, release_json AS json FROM disclosure_releases').all() as { holding: string; name: string; json: string }[];
    const auditEntry = check.db.prepare("SELECT record_id AS holding FROM audit_log WHERE action = 'export' ORDER BY seq DESC LIMIT 1").get() as { holding: string };
    check.db.close();
    expect(kept).toHaveLength(1);
    expect(kept[0]!.holding).toBe(holding.id);
    expect(kept[0]!.name).toMatch(/^sex-out\.csv \(\d{4}-\d{2}-\d{2}\)$/);
    expect(auditEntry.holding).toBe(holding.id);
    // What is kept is what was released: no true count of a suppressed cell (R1/F is 3).
    const release = JSON.parse(kept[0]!.json) as { lower: number[]; upper: (number | null)[]; primaryCells: number[] };
    expect(release.primaryCells).toEqual([0]);
    expect([release.lower[0], release.upper[0]]).toEqual([0, 4]);

    const second = await runCliCaptured(
      ['disclose', write('age.csv', byAge), ...profile, '--holding', holding.id, '--output', temp.path('age-out.csv'), '--report', temp.path('age.json')],
      env,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('together with the earlier release sex-out.csv');
    expect(existsSync(temp.path('age-out.csv'))).toBe(false);
  });

  it('names an unknown or ambiguous holding in one line, and needs a register', async () => {
    const db = temp.path('register.sqlite');
    openDatabase(db, { create: true }).db.close();
    const unknown = await runCliCaptured(['disclose', write('t.csv', bySex), ...profile, '--holding', 'NOPE', '--output', temp.path('o.csv')], { CUSTODIAN_DB: db });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no holding has the id or DARS file reference "NOPE"');
    const noRegister = await runCliCaptured(['disclose', write('t2.csv', bySex), ...profile, '--holding', 'X', '--output', temp.path('o2.csv')], {
      CUSTODIAN_DB: temp.path('missing.sqlite'),
    });
    expect(noRegister.code).toBe(2);
    expect(noRegister.stderr).toContain('--holding needs the register');
  });
});
