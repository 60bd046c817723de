import type { Database } from 'better-sqlite3';
import { computeIncidentFindings } from '../../shared/incidents/incident-findings';
import type { Finding } from '../../shared/register/findings';
import { readAllIncidents } from './incident-rows';
import { readIncidentSettings } from './incident-settings-store';

/** The incident clocks' findings at a moment, read from the register (see shared/incidents/incident-findings.ts). */
export function incidentFindings(db: Database, moment: Date): Finding[] {
  return computeIncidentFindings(readAllIncidents(db), readIncidentSettings(db), moment);
}
