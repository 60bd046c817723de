import { exportBreachLog, exportIncidentReport } from '../../incidents/incident-exports';
import { incidentDetail } from '../../incidents/incident-detail';
import { draftIncidentFromFinding } from '../../incidents/incident-draft';
import { readAllIncidents } from '../../incidents/incident-rows';
import { assessIncident, changeIncidentStatus, createIncident, getIncident, recordAction, recordNotification, updateIncident } from '../../incidents/incident-service';
import { readIncidentSettings, writeIncidentSettings } from '../../incidents/incident-settings-store';
import { outstandingForClosure } from '../../../shared/incidents/closure';
import { requiredNotifications } from '../../../shared/incidents/notification-clocks';
import type { PartialHandlerTable } from '../handler-table';

type IncidentMethods =
  | 'incidents.list'
  | 'incidents.get'
  | 'incidents.create'
  | 'incidents.update'
  | 'incidents.assess'
  | 'incidents.recordNotification'
  | 'incidents.recordAction'
  | 'incidents.setStatus'
  | 'incidents.draftFromFinding'
  | 'incidents.settings.get'
  | 'incidents.settings.update'
  | 'incidents.exportReport'
  | 'incidents.exportLog';

/**
 * The Incidents screen's methods. Each write returns the incident as it now is, with its clocks and
 * what keeps it open, so the screen never has to ask twice. Exports ask main for a save dialog; the
 * renderer never names a path.
 */
export const incidentHandlers: PartialHandlerTable<IncidentMethods> = {
  'incidents.list': (_request, context) => {
    const settings = readIncidentSettings(context.db);
    return {
      incidents: readAllIncidents(context.db).map((incident) => ({
        incident,
        required: requiredNotifications(incident, settings),
        outstandingCount: outstandingForClosure(incident, settings).length,
      })),
    };
  },
  'incidents.get': ({ id }, context) => incidentDetail(context.db, getIncident(context.db, id)),
  'incidents.create': ({ fields }, context) => incidentDetail(context.db, createIncident(context.db, context, fields)),
  'incidents.update': ({ id, fields }, context) => incidentDetail(context.db, updateIncident(context.db, context, id, fields)),
  'incidents.assess': ({ id, assessment }, context) => incidentDetail(context.db, assessIncident(context.db, context, id, assessment)),
  'incidents.recordNotification': ({ id, notificationId, notification }, context) =>
    incidentDetail(context.db, recordNotification(context.db, context, id, notification, notificationId)),
  'incidents.recordAction': ({ id, actionId, action }, context) => incidentDetail(context.db, recordAction(context.db, context, id, action, actionId)),
  'incidents.setStatus': ({ id, status, lessonsLearned }, context) =>
    incidentDetail(context.db, changeIncidentStatus(context.db, context, id, status, lessonsLearned)),
  'incidents.draftFromFinding': ({ findingId }, context) => draftIncidentFromFinding(context.db, findingId, context.now()),
  'incidents.settings.get': (_request, context) => readIncidentSettings(context.db),
  'incidents.settings.update': (patch, context) => writeIncidentSettings(context.db, context, patch),
  'incidents.exportReport': async ({ id }, context) => {
    const incident = getIncident(context.db, id);
    const path = await context.dialogs.chooseFileToSave({
      title: `Save the incident report for ${incident.reference}`,
      defaultName: `${incident.reference} incident report.pdf`,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    if (path === null) return { cancelled: true as const };
    context.grantedPaths.grant(path, 'write');
    return { path: (await exportIncidentReport(context.db, context, context.databasePath, id, path)).path };
  },
  'incidents.exportLog': async ({ format }, context) => {
    const path = await context.dialogs.chooseFileToSave({
      title: 'Save the breach log',
      defaultName: `Breach log.${format}`,
      filters: [format === 'xlsx' ? { name: 'Excel workbook', extensions: ['xlsx'] } : { name: 'CSV file', extensions: ['csv'] }],
    });
    if (path === null) return { cancelled: true as const };
    context.grantedPaths.grant(path, 'write');
    return { path: (await exportBreachLog(context.db, context, context.databasePath, path)).path };
  },
};
