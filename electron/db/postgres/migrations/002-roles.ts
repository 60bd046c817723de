import type { PostgresMigration } from './postgres-migration';

/**
 * An IG team's roles, enforced by the database whatever client connects: NOLOGIN group roles that
 * people's logins are granted (`GRANT custodian_analyst TO priya`).
 *
 * - IG lead: everything.
 * - Analyst: reads the register; records disclosure exports against holdings.
 * - Destruction officer: records destruction and its evidence and absence checks, and marks live
 *   copies destroyed (row-level security: only a live copy, and only into a destroyed one).
 * - DPO: issues and signs certificates, records incident notifications.
 * - Auditor: reads everything, writes nothing.
 *
 * Every role but the auditor appends to the audit log, and row-level security lets an entry in only
 * under the writer's own login (`os_user = session_user`), so the name in the log is the database's
 * word for who made the change. The owner who ran `custodian init` is not bound by these rules (a
 * table's owner bypasses its policies): keep that login for migrations and copy-register.
 * Roles belong to the whole PostgreSQL cluster, so they are made only if missing.
 */
export const postgresMigration002Roles: PostgresMigration = {
  number: 2,
  name: 'roles',
  registerVersion: 9,
  sql: `
DO $$
DECLARE
  r text;
  s text := quote_ident(current_schema());
BEGIN
  FOREACH r IN ARRAY ARRAY['custodian_ig_lead', 'custodian_analyst', 'custodian_destruction_officer', 'custodian_dpo', 'custodian_auditor'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %s TO %I', s, r);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %s TO %I', s, r);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %s TO %I', s, r);
  END LOOP;
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO custodian_ig_lead', s);
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %s TO custodian_ig_lead, custodian_analyst, custodian_destruction_officer, custodian_dpo', s);
END $$;

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM custodian_ig_lead;
REVOKE INSERT, UPDATE, DELETE ON custodian_schema FROM custodian_ig_lead;

-- Every writer appends to the audit log and moves its head.
GRANT INSERT ON audit_log TO custodian_analyst, custodian_destruction_officer, custodian_dpo;
GRANT INSERT, UPDATE ON audit_head TO custodian_analyst, custodian_destruction_officer, custodian_dpo;

-- Analyst: disclosure exports recorded against holdings.
GRANT INSERT ON disclosure_releases TO custodian_analyst;

-- Destruction officer: destruction records, evidence, absence checks; a live copy marked destroyed.
GRANT INSERT ON destruction_records, destruction_evidence, absence_checks TO custodian_destruction_officer;
GRANT UPDATE ON copies TO custodian_destruction_officer;

-- DPO: certificates (issued, sent, acknowledged) and incident notifications.
GRANT INSERT, UPDATE ON certificates, certificate_contents TO custodian_dpo;
GRANT INSERT, DELETE ON certificate_holdings TO custodian_dpo;
GRANT INSERT, UPDATE ON incident_notifications TO custodian_dpo;

ALTER TABLE copies ENABLE ROW LEVEL SECURITY;
CREATE POLICY copies_read ON copies FOR SELECT USING (true);
CREATE POLICY copies_ig_lead ON copies FOR ALL TO custodian_ig_lead USING (true) WITH CHECK (true);
CREATE POLICY copies_marked_destroyed ON copies FOR UPDATE TO custodian_destruction_officer
  USING (destroyed_date IS NULL) WITH CHECK (destroyed_date IS NOT NULL);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (true);
CREATE POLICY audit_log_own_login ON audit_log FOR INSERT WITH CHECK (os_user = session_user);
`,
};
