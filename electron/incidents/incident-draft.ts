import type { RegisterConnection } from '../db/register-connection';
import { canBeBreach } from '../../shared/findings/breach-codes';
import { draftFromFinding } from '../../shared/incidents/draft-from-finding';
import { incidentFieldsSchema, type IncidentFields } from '../../shared/incidents/incident-records';
import { UserFacingError } from '../../shared/ipc/result';
import { localIsoDate } from '../../shared/register/local-date';
import { cachedRegister } from '../register/register-cache';
import { storedRegisterFindings } from '../register/register-findings';
import { linkLabels } from './incident-detail';
import { readIncidentSettings } from './incident-settings-store';


/**
 * A new incident pre-filled from one of today's findings, not yet saved: the Dashboard's "Open
 * incident" sends the finding's id, the Incidents screen shows the form filled in, and the person
 * checks it and saves. Finding ids are stable (code plus the ids of what it is about), so the link
 * keeps working while the problem lasts; once it is fixed the finding is gone and the user is told.
 */
export function draftIncidentFromFinding(db: RegisterConnection, findingId: string, now: Date): { fields: IncidentFields; labels: Record<string, string> } {
  const { index } = cachedRegister(db);
  const finding = storedRegisterFindings(db, index, localIsoDate(now)).find((f) => f.id === findingId);
  if (!finding) {
    throw new UserFacingError(
      'NOT_FOUND',
      `The finding "${findingId}" is not among today's findings (it may have been fixed). Open the Dashboard again, or record the incident with "New incident".`,
    );
  }
  // The Dashboard offers "Open incident" only where a finding can be a breach of the agreement; an
  // address typed or kept from before gets the same answer, in words.
  if (!canBeBreach(finding.code))
    throw new UserFacingError(
      'REFUSED',
      `"${finding.title}" is not a possible breach of the agreement, so no incident is drafted from it: set its status on the Dashboard, or record an incident with "New incident" if something else happened.`,
    );
  const { defaultTimeZone } = readIncidentSettings(db);
  const fields = incidentFieldsSchema.parse(draftFromFinding(finding, index, { at: now.toISOString(), timeZone: defaultTimeZone }));
  return { fields, labels: linkLabels(db, fields.links) };
}
