/**
 * The roles of an IG team in a PostgreSQL register (electron/db/postgres/migrations/002-roles.ts
 * enforces them), named and explained once for the app, the CLI's messages and the tests.
 */
export const teamRoleIds = ['custodian_ig_lead', 'custodian_analyst', 'custodian_destruction_officer', 'custodian_dpo', 'custodian_auditor'] as const;
export type TeamRoleId = (typeof teamRoleIds)[number];

export const teamRoleLabels: Record<TeamRoleId, string> = {
  custodian_ig_lead: 'IG lead',
  custodian_analyst: 'analyst',
  custodian_destruction_officer: 'destruction officer',
  custodian_dpo: 'DPO',
  custodian_auditor: 'auditor',
};

/** What each role may do, as a user reads it. */
export const teamRoleAllows: Record<TeamRoleId, string> = {
  custodian_ig_lead: 'change everything in the register',
  custodian_analyst: 'read the register and record disclosure exports against holdings',
  custodian_destruction_officer: 'record destruction, its evidence and absence checks',
  custodian_dpo: 'issue and sign certificates and record incident notifications',
  custodian_auditor: 'read and verify everything and save reports, change nothing',
};
