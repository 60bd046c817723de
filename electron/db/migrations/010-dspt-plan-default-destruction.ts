import type { Migration } from './migration';

/**
 * A DSPT assessment can be "Not Met - Improvement Plan Approved": below Standards Met, with an
 * improvement plan NHS England approved on a date the register records (issue 14). The status is a
 * value of dspt_status (a text column whose values the schema names); this adds the plan's date,
 * required for that status. Existing assessments keep their status and have no plan date: an old
 * "Standards Not Met" with improvement_plan_agreed is not turned into the new status, because its
 * plan's date was never recorded.
 */
export const IMPROVEMENT_PLAN_APPROVED = 'Not Met - Improvement Plan Approved';

export const migration010DsptPlanDefaultDestruction: Migration = {
  version: 10,
  name: 'dspt-improvement-plan-default-destruction',
  up(db) {
    db.exec(`
ALTER TABLE assurances ADD COLUMN improvement_plan_date TEXT
  CHECK (improvement_plan_date IS NULL OR improvement_plan_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
  CHECK (dspt_status IS NOT '${IMPROVEMENT_PLAN_APPROVED}' OR improvement_plan_date IS NOT NULL);
ALTER TABLE dsa_versions ADD COLUMN destruction_rule_is_default INTEGER NOT NULL DEFAULT 0 CHECK (destruction_rule_is_default IN (0, 1));
`);
    const stored = db.prepare(`SELECT value FROM settings WHERE key = 'defaultDestructionRule'`).pluck().get() as string | undefined;
    const rule = (stored ? JSON.parse(stored) : { kind: 'days-after-end', days: 30 }) as { kind: string; days?: number; date?: string; weeks?: number };
    db.prepare(
      `UPDATE dsa_versions SET destruction_rule_is_default = 1
       WHERE destruction_rule = @kind AND destruction_days IS @days AND destruction_date IS @date AND destruction_weeks IS @weeks`,
    ).run({ kind: rule.kind, days: rule.days ?? null, date: rule.date ?? null, weeks: rule.weeks ?? null });
  },
};
