import { teamRoleLabels, type TeamRoleId } from './team-roles';

/**
 * Which roles may take each action that changes a team register, besides the IG lead, who may take
 * them all. This is the one place the screens learn it from, and it follows what the database grants
 * (electron/db/postgres/migrations/002-roles.ts) table by table, so a button is offered exactly when
 * the database would accept its change. Every role appends to the audit log, the auditor only
 * `export` entries (a report or list saved) and only the DPO a signature
 * (electron/db/postgres/migrations/005-auditor-reports-dpo-signs.ts).
 */
export const teamActionRoles = {
  /** Organisations, agreements, holdings, copies, locations…: new, edit, archive, restore. */
  changeRecords: [],
  /** Settings, the incident settings among them. */
  changeSettings: [],
  /** A finding's status (finding_statuses). */
  setFindingStatus: [],
  /** Log, edit, assess, act on, contain or close an incident (incidents, incident_actions). */
  changeIncident: [],
  /** An incident's notifications, to the ICO, NHS England (DARS) and others (incident_notifications). */
  notifyIncident: ['custodian_dpo'],
  /** A destruction record, its evidence, an absence check; a live copy marked destroyed. */
  recordDestruction: ['custodian_destruction_officer'],
  /** Issue a certificate of destruction, mark it sent or acknowledged (certificates, certificate_contents, certificate_holdings). */
  issueCertificate: ['custodian_dpo'],
  /** Sign a certificate's PDF: the register keeps an audit entry of the signature, which only the DPO may write. */
  signCertificate: ['custodian_dpo'],
  /** Save a report or list to a file (the registers, the breach log, an incident's report): an `export` entry, which the auditor may write too. */
  exportReport: ['custodian_analyst', 'custodian_destruction_officer', 'custodian_dpo', 'custodian_auditor'],
  /** Export a disclosure table against no holding: only an audit entry is written. */
  exportDisclosure: ['custodian_analyst', 'custodian_destruction_officer', 'custodian_dpo'],
  /** Export a disclosure table against a holding: its release is kept with it (disclosure_releases). */
  exportDisclosureAgainstHolding: ['custodian_analyst'],
} as const satisfies Record<string, readonly TeamRoleId[]>;

export type TeamAction = keyof typeof teamActionRoles;

/** The register as the screens know it (shared/app/app-info.ts): a file allows everything, and so does owning the register. */
export interface RegisterWho {
  store: 'sqlite' | 'postgres';
  owner: boolean;
  roles: readonly TeamRoleId[];
}

/** The roles that may take an action, the IG lead first. */
export function rolesFor(action: TeamAction): TeamRoleId[] {
  return ['custodian_ig_lead', ...teamActionRoles[action]];
}

export function mayTake(register: RegisterWho, action: TeamAction): boolean {
  if (register.store === 'sqlite' || register.owner) return true;
  return rolesFor(action).some((role) => register.roles.includes(role));
}

/** "IG lead or DPO": the roles that would allow an action, as a user reads them. */
function rolesNeeded(action: TeamAction): string {
  const names = rolesFor(action).map((role) => teamRoleLabels[role]);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Why an action is not offered, naming the roles that would allow it: a disabled button's title. */
export function whyRefused(action: TeamAction): string {
  return `Your role in this team register does not allow this: it needs the ${rolesNeeded(action)} role.`;
}

/** The same as a line of its own beside the buttons, naming what is not offered ("Issuing certificates"). */
export function whyNotOffered(action: TeamAction, what: string): string {
  return `${what} is not offered: your role in this team register does not allow it; it needs the ${rolesNeeded(action)} role.`;
}

/** What an action's button needs: nothing when it may be taken, else disabled with the reason. */
export function actionLock(register: RegisterWho | null, action: TeamAction): { disabled?: true; title?: string } {
  return !register || mayTake(register, action) ? {} : { disabled: true, title: whyRefused(action) };
}
