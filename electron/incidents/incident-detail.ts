import type { RegisterConnection } from '../db/register-connection';
import type { IncidentDetail } from '../../shared/incidents/incident-api';
import { outstandingForClosure } from '../../shared/incidents/closure';
import type { Incident, IncidentLinks } from '../../shared/incidents/incident-records';
import type { IncidentSettings } from '../../shared/incidents/incident-settings';
import { requiredNotifications } from '../../shared/incidents/notification-clocks';
import type { RecordKind } from '../../shared/register/records';
import { labelsFor } from '../register/register-list';
import { linkTables } from './incident-rows';
import { readIncidentSettings } from './incident-settings-store';

/** An incident with its clocks, what keeps it open, and the names of what it links to. */
export function incidentDetail(db: RegisterConnection, incident: Incident, settings: IncidentSettings = readIncidentSettings(db)): IncidentDetail {
  return {
    incident,
    required: requiredNotifications(incident, settings),
    outstanding: outstandingForClosure(incident, settings),
    labels: linkLabels(db, incident.links),
  };
}

/** id → label for the register records in a set of links, as the register's lists name them. */
export function linkLabels(db: RegisterConnection, links: IncidentLinks): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const link of linkTables) {
    const ids = links[link.field];
    if (ids.length === 0) continue;
    Object.assign(labels, labelsFor(db, link.kind as RecordKind, ids.map((id) => ({ id })), true));
  }
  return labels;
}
