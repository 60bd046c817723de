import { teamRoleLabels, type TeamRoleId } from '../../../shared/app/team-roles';
import { UserFacingError } from '../../../shared/ipc/result';

/**
 * Messages for what the roles of an IG team (shared/app/team-roles.ts; PostgreSQL group roles each
 * person's login is granted, `GRANT custodian_dpo TO alice`) may not do. What each may do is
 * enforced by the database (migrations/002-roles.ts).
 */
const teamRoles = teamRoleLabels;
type TeamRole = TeamRoleId;

/** Who may write each table besides the IG lead, who may write them all. */
const writersOf: Record<string, TeamRole[]> = {
  disclosure_releases: ['custodian_analyst'],
  destruction_records: ['custodian_destruction_officer'],
  destruction_evidence: ['custodian_destruction_officer'],
  absence_checks: ['custodian_destruction_officer'],
  copies: ['custodian_destruction_officer'],
  certificates: ['custodian_dpo'],
  certificate_holdings: ['custodian_dpo'],
  certificate_contents: ['custodian_dpo'],
  incident_notifications: ['custodian_dpo'],
  audit_log: ['custodian_analyst', 'custodian_destruction_officer', 'custodian_dpo', 'custodian_auditor'],
  audit_head: ['custodian_analyst', 'custodian_destruction_officer', 'custodian_dpo', 'custodian_auditor'],
};

/** SQLSTATE 42501: insufficient privilege, also raised for a row a row-level security policy refuses. */
export const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * A refusal by the database, in words that say which role the change needs: "permission denied for
 * table organisations" becomes "… may not change organisations: that needs the IG lead role".
 */
export function refusalByRole(message: string, login: string): UserFacingError {
  const table = /table "?([A-Za-z0-9_]+)"?/.exec(message)?.[1] ?? null;
  // Restrictive policies are named in the refusal (migrations/005-auditor-reports-dpo-signs.ts).
  if (/"audit_log_dpo_signs"/.test(message)) {
    return new UserFacingError('REFUSED', `The register refused: your database login "${login}" may not sign certificates; that needs the ${teamRoles.custodian_dpo} (custodian_dpo) or ${teamRoles.custodian_ig_lead} (custodian_ig_lead) role. Ask the register's owner to grant it.`);
  }
  if (/"audit_log_auditor_reports_only"/.test(message)) {
    return new UserFacingError('REFUSED', `The register refused: your database login "${login}" may save reports, not make this change; that needs another role than ${teamRoles.custodian_auditor}. Ask the register's owner to grant it.`);
  }
  if (table === 'audit_log' && /row-level security/.test(message)) {
    return new UserFacingError('REFUSED', `The register refused: an audit entry is written under the database login that makes it, and this connection's login is "${login}".`);
  }
  const roles: TeamRole[] = ['custodian_ig_lead', ...(table ? (writersOf[table] ?? []) : [])];
  const names = roles.map((r) => `${teamRoles[r]} (${r})`);
  const needed = names.length === 1 ? `the ${names[0]} role` : `one of the roles ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  const what = table ? `change ${table.replaceAll('_', ' ')}` : 'make this change';
  const rowRule = /row-level security/.test(message) ? ' (the database allows that role only some rows here)' : '';
  return new UserFacingError('REFUSED', `The register refused: your database login "${login}" may not ${what}${rowRule}; that needs ${needed}. Ask the register's owner to grant it.`);
}
