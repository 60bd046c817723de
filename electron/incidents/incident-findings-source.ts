import type { RegisterConnection } from '../db/register-connection';
import { computeIncidentFindings } from '../../shared/incidents/incident-findings';
import type { Finding } from '../../shared/register/findings';
import { readAllIncidents } from './incident-rows';
import { readIncidentSettings } from './incident-settings-store';

/** The incident clocks' findings at a moment, read from the register (see shared/incidents/incident-findings.ts). */
export function incidentFindings(db: RegisterConnection, moment: Date): Finding[] {
  const incidents = readAllIncidents(db);
  // Most registers have no open incident; reading the settings checks their time zone, which loads
  // the time-zone data (a sixth of `custodian findings`' start-up), so it is skipped when unneeded.
  if (!incidents.some((incident) => incident.status !== 'closed')) return [];
  return computeIncidentFindings(incidents, readIncidentSettings(db), moment);
}
