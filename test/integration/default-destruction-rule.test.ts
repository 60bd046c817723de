import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';
import { findRecords } from '../../electron/register/register-service';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import { extractPdfText } from '../helpers/pdf-text';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

const NIC = 'DARS-NIC-00574-V2H1F';
const NOTE = '(default: 45 days after end; the DSFC governs the real period)';

/** A version with no destruction period of its own shows the default from Settings, and that the DSFC governs. */
describe('the default destruction rule, shown on the versions that rely on it', () => {
  const temp = useTempDir('custodian-default-destruction-');

  it('migration 010 marks an existing version whose rule is the default setting’s as relying on it, and no other', () => {
    const path = temp.path('v9.sqlite');
    openDatabase(path, { create: true, migrationList: migrations.filter((m) => m.version <= 9) }).db.close();
    const raw = new BetterSqlite3(path);
    raw.prepare(`INSERT INTO dsas (id, nic_reference) VALUES ('d', '${NIC}')`).run();
    const version = raw.prepare(
      `INSERT INTO dsa_versions (id, dsa_id, version, status, start_date, end_date, territory, destruction_rule, destruction_days) VALUES (?, 'd', ?, 'active', '2025-04-01', '2026-03-31', 'England', 'days-after-end', ?)`,
    );
    version.run('v-default', '1', 30);
    version.run('v-own', '2', 60);
    raw.close();
    const upgraded = openDatabase(path, { create: false });
    expect(upgraded.migratedFrom).toBe(9);
    const flags = Object.fromEntries(findRecords(upgraded.db, 'dsaVersion', {}).map((v) => [v.id, v.destructionRuleIsDefault]));
    expect(flags).toEqual({ 'v-default': true, 'v-own': false });
    upgraded.db.close();
  });

  it('custodian add version without a rule relies on the default; giving one makes it the agreement’s own; the holdings report says which', async () => {
    const db = temp.path('register.sqlite');
    const opened = openDatabase(db, { create: true });
    storeRegister(opened.db, compliantRegister().build());
    opened.db.close();
    const run = async (args: string[]) => {
      const result = await runCliCaptured([...args, '--db', db]);
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    await run(['settings', 'set', '--default-destruction-rule', 'days-after-end:45']);
    await run(['add', 'version', '--dsa', NIC, '--version', '5', '--start-date', '2028-04-01', '--end-date', '2029-03-31', '--status', 'draft']);
    const added = JSON.parse(await run(['show', 'version', `${NIC} v5`, '--json'])).record;
    expect(added).toMatchObject({ destructionRule: { kind: 'days-after-end', days: 45 }, destructionRuleIsDefault: true });

    await run(['report', 'holdings', '--dsa', NIC, '--output', temp.path('before.pdf'), '--as-of', SCENARIO_AS_OF]);
    const before = (await extractPdfText(readFileSync(temp.path('before.pdf')))).pages.join(' ').replace(/\s+/g, ' ');
    expect(before).toContain(`Destroy every copy within 45 days after the end date ${NOTE}`);
    // The compliant scenario's versions name their own rule: no note beside theirs.
    expect(before.split('the DSFC governs the real period')).toHaveLength(2);

    await run(['update', 'version', `${NIC} v5`, '--destruction-rule', 'days-after-end:45']);
    expect(JSON.parse(await run(['show', 'version', `${NIC} v5`, '--json'])).record.destructionRuleIsDefault).toBe(false);
    await run(['report', 'holdings', '--dsa', NIC, '--output', temp.path('after.pdf'), '--as-of', SCENARIO_AS_OF]);
    expect((await extractPdfText(readFileSync(temp.path('after.pdf')))).pages.join(' ')).not.toContain('the DSFC governs the real period');
  });
});
