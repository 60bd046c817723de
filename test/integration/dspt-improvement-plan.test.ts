import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';
import { findRecords } from '../../electron/register/register-service';
import { compliantRegister } from '../helpers/compliant-register';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/** "Not Met - Improvement Plan Approved": a DSPT state of its own, with the plan's date (migration 010). */
describe('DSPT status with an improvement plan approved by NHS England', () => {
  const temp = useTempDir('custodian-dspt-plan-');

  it('migration 010 adds the plan’s date to a register written at version 9, keeping every assessment as it was', () => {
    const path = temp.path('v9.sqlite');
    openDatabase(path, { create: true, migrationList: migrations.filter((m) => m.version <= 9) }).db.close();
    const raw = new BetterSqlite3(path);
    raw.prepare(`INSERT INTO organisations (id, legal_name, roles) VALUES ('uni', 'University of Exampleton', '["controller"]')`).run();
    raw
      .prepare(`INSERT INTO assurances (id, organisation_id, kind, dspt_year, dspt_status, improvement_plan_agreed, expiry_date) VALUES ('a1', 'uni', 'DSPT', '2025/26', 'Standards Not Met', 1, '2027-06-30')`)
      .run();
    raw.close();

    const upgraded = openDatabase(path, { create: false });
    expect(upgraded.migratedFrom).toBe(9);
    expect(findRecords(upgraded.db, 'assurance', { id: 'a1' })[0]).toMatchObject({ dsptStatus: 'Standards Not Met', improvementPlanAgreed: true, improvementPlanDate: null });
    // The file itself refuses the new status without its date, whatever writes to it.
    expect(() =>
      upgraded.db
        .prepare(`INSERT INTO assurances (id, organisation_id, kind, dspt_year, dspt_status, expiry_date) VALUES ('a2', 'uni', 'DSPT', '2025/26', 'Not Met - Improvement Plan Approved', '2027-06-30')`)
        .run(),
    ).toThrow(/CHECK constraint failed/);
    upgraded.db.close();
  });

  it('custodian add assurance takes the state and its date, refuses the state without one, and custodian findings observes it', async () => {
    const db = temp.path('register.sqlite');
    const opened = openDatabase(db, { create: true });
    storeRegister(opened.db, compliantRegister().archive('assurance', 'uni-dspt').build());
    opened.db.close();
    const add = (...extra: string[]) =>
      runCliCaptured(['add', 'assurance', '--db', db, '--organisation', 'University of Exampleton', '--kind', 'DSPT', '--dspt-year', '2025/26', '--dspt-status', 'Not Met - Improvement Plan Approved', '--expiry-date', '2027-06-30', ...extra]);
    const refused = await add();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('custodian: --improvement-plan-date: is required when the improvement plan is approved (the date NHS England approved it)\n');
    const added = await add('--improvement-plan-date', '2026-04-15');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const findings = await runCliCaptured(['findings', '--db', db, '--as-of', '2026-06-01', '--json']);
    const parsed = (JSON.parse(findings.stdout) as { findings: { code: string; severity: string; title: string }[] }).findings;
    expect(parsed.map((f) => [f.code, f.severity, f.title])).toEqual([
      ['DSPT_IMPROVEMENT_PLAN', 'low', 'University of Exampleton: DSPT 2025/26 is Not Met, with an improvement plan NHS England approved on 15 April 2026'],
    ]);
  });
});
