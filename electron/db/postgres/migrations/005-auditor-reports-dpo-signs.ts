import type { PostgresMigration } from './postgres-migration';

/**
 * Two rules of the team's roles that live in the audit log, since the actions write nothing else:
 *
 * - The auditor saves reports. Saving a report or list writes an `export` entry, so the auditor now
 *   appends to the log, but only `export` entries, and not for disclosure tables (an analyst's work):
 *   a person who is only an auditor still changes nothing.
 * - Only the DPO (or the IG lead) signs a certificate: the signature is kept as a
 *   `certificate-signed` entry, which any other login is refused.
 *
 * Both are restrictive policies, so they narrow what 002's "own login" policy lets in; the database
 * names the policy when it refuses, and the message says which role is needed.
 */
export const postgresMigration005AuditorReportsDpoSigns: PostgresMigration = {
  number: 5,
  name: 'auditor-reports-dpo-signs',
  registerVersion: 10,
  sql: `
GRANT INSERT ON audit_log TO custodian_auditor;
GRANT INSERT, UPDATE ON audit_head TO custodian_auditor;

CREATE POLICY audit_log_auditor_reports_only ON audit_log AS RESTRICTIVE FOR INSERT WITH CHECK (
  (action = 'export' AND record_kind IS DISTINCT FROM 'disclosureTable')
  OR pg_has_role(session_user, 'custodian_ig_lead', 'MEMBER')
  OR pg_has_role(session_user, 'custodian_analyst', 'MEMBER')
  OR pg_has_role(session_user, 'custodian_destruction_officer', 'MEMBER')
  OR pg_has_role(session_user, 'custodian_dpo', 'MEMBER')
);

CREATE POLICY audit_log_dpo_signs ON audit_log AS RESTRICTIVE FOR INSERT WITH CHECK (
  action <> 'certificate-signed'
  OR pg_has_role(session_user, 'custodian_dpo', 'MEMBER')
  OR pg_has_role(session_user, 'custodian_ig_lead', 'MEMBER')
);
`,
};
