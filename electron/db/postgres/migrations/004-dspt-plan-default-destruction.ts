import { IMPROVEMENT_PLAN_APPROVED } from '../../migrations/010-dspt-plan-default-destruction';
import type { PostgresMigration } from './postgres-migration';

/**
 * SQLite's migration 010 for PostgreSQL: a DSPT assessment's improvement plan date (required for
 * "Not Met - Improvement Plan Approved") and whether a version's destruction rule is the Settings
 * default. Versions whose rule equals the default in force are marked as relying on it, as 010 does.
 */
export const postgresMigration004DsptPlanDefaultDestruction: PostgresMigration = {
  number: 4,
  name: 'dspt-improvement-plan-default-destruction',
  registerVersion: 10,
  sql: `
ALTER TABLE assurances
  ADD COLUMN improvement_plan_date TEXT COLLATE "C"
    CHECK (improvement_plan_date IS NULL OR improvement_plan_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  ADD CHECK (dspt_status IS DISTINCT FROM '${IMPROVEMENT_PLAN_APPROVED}' OR improvement_plan_date IS NOT NULL);
ALTER TABLE dsa_versions
  ADD COLUMN destruction_rule_is_default BIGINT NOT NULL DEFAULT 0 CHECK (destruction_rule_is_default IN (0, 1));
UPDATE dsa_versions v SET destruction_rule_is_default = 1
FROM (
  SELECT COALESCE((SELECT value::jsonb FROM settings WHERE key = 'defaultDestructionRule'), '{"kind":"days-after-end","days":30}'::jsonb) AS rule
) d
WHERE v.destruction_rule = d.rule->>'kind'
  AND v.destruction_days IS NOT DISTINCT FROM (d.rule->>'days')::bigint
  AND v.destruction_date IS NOT DISTINCT FROM d.rule->>'date'
  AND v.destruction_weeks IS NOT DISTINCT FROM (d.rule->>'weeks')::bigint;
`,
};
