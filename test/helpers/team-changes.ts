import type { RegisterConnection } from '../../electron/db/register-connection';
import type { AuditActor } from '../../electron/register/audit-log';
import { createRecord, findRecords, patchRecord } from '../../electron/register/register-service';

/** The date the team's register is judged on: obligations due 2026-01-01 are overdue, 2027-01-01 are not. */
export const TEAM_AS_OF = '2026-06-01';

/**
 * The j-th change (0, 1, 2…) one member of a team makes: an organisation first, then obligations
 * of it (half overdue on TEAM_AS_OF), every third change marking an earlier one met. Records are
 * found by their names, not ids, so the same changes can be replayed one client after another on a
 * fresh register and must give the same findings.
 */
export function applyTeamChange(db: RegisterConnection, actor: AuditActor, client: number, j: number): void {
  const legalName = `Client ${client} organisation`;
  if (j === 0) {
    createRecord(db, actor, 'organisation', { legalName });
    return;
  }
  if (j % 3 === 0) {
    const [earlier] = findRecords(db, 'obligation', { text: `Client ${client} duty ${j - 2}` });
    if (!earlier) throw new Error(`client ${client}: duty ${j - 2} was lost`);
    patchRecord(db, actor, 'obligation', earlier.id, { status: 'met' });
    return;
  }
  const [organisation] = findRecords(db, 'organisation', { legalName });
  if (!organisation) throw new Error(`client ${client}: its organisation was lost`);
  createRecord(db, actor, 'obligation', {
    kind: j % 2 ? 'other' : 'annual-confirmation',
    organisationId: organisation.id,
    text: `Client ${client} duty ${j}`,
    dueDate: j % 4 < 2 ? '2026-01-01' : '2027-01-01',
  });
}
