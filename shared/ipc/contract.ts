import { z } from 'zod';
import { appInfoSchema } from '../app/app-info';
import { registerLocationRequestSchema, registerLocationStateSchema } from '../app/register-location';
import { settingsPatchSchema, settingsSchema } from '../settings/settings';
import {
  disclosureInputSchema,
  dropInputRequestSchema,
  exportRequestSchema,
  jobRequestSchema,
  jobStatusSchema,
  profilesResponseSchema,
  saveProfileRequestSchema,
  startRequestSchema,
} from '../disclosure/disclosure-api';
import { disclosureProfileSchema } from '../disclosure/profile';
import {
  registerArchiveRequestSchema,
  registerCreateRequestSchema,
  registerGetRequestSchema,
  registerGetResponseSchema,
  registerListRequestSchema,
  registerListResponseSchema,
  registerRecordResponseSchema,
  registerUpdateRequestSchema,
} from '../register/register-api';
import { agreementSummaryRequestSchema, agreementSummarySchema } from '../register/agreement-summary';
import { auditListRequestSchema, auditListResponseSchema, auditVerificationSchema } from '../audit/audit-api';
import {
  deadlinesUpcomingRequestSchema,
  deadlinesUpcomingResponseSchema,
  findingsListRequestSchema,
  findingsListResponseSchema,
  setFindingStatusRequestSchema,
  setFindingStatusResponseSchema,
  setFindingStatusesRequestSchema,
  setFindingStatusesResponseSchema,
} from '../findings/findings-api';
import { findingsOverviewRequestSchema, findingsOverviewSchema } from '../findings/findings-query';
import { findingsTableRequestSchema, findingsTableResponseSchema } from '../findings/findings-table';
import {
  attachEvidenceRequestSchema,
  attachEvidenceResponseSchema,
  certificateIssueRequestSchema,
  certificateIssueResponseSchema,
  certificateMarkAcknowledgedRequestSchema,
  certificateMarkSentRequestSchema,
  certificateVerifyResponseSchema,
  certificateSignRequestSchema,
  certificateSignResponseSchema,
  chooseSigningFileRequestSchema,
  certificateSummarySchema,
  chooseEvidenceResponseSchema,
  destructionOverviewRequestSchema,
  destructionOverviewResponseSchema,
  destructionRecordRequestSchema,
  destructionRecordResponseSchema,
  destructionRecordManyRequestSchema,
  destructionRecordManyResponseSchema,
  versionHoldingsRequestSchema,
  versionHoldingsResponseSchema,
  verifyAbsenceRequestSchema,
} from '../destruction/destruction-api';
import { absenceCheckSchema } from '../destruction/destruction-record';
import { destructionWorklistRequestSchema, destructionWorklistResponseSchema } from '../destruction/destruction-worklist';
import { registerSummaryRequestSchema, registerSummarySchema } from '../dashboard/register-summary';
import { exportSaveRequestSchema, exportSaveResponseSchema } from '../exports/exports-api';
import { durImportRequestSchema, durImportResponseSchema } from '../imports/imports-api';
import {
  exportResultSchema,
  incidentDetailSchema,
  incidentSettingsGetRequestSchema,
  incidentSettingsPatchSchema,
  incidentSettingsSchema,
  incidentsActionRequestSchema,
  incidentsAssessRequestSchema,
  incidentsCreateRequestSchema,
  incidentsDraftRequestSchema,
  incidentsDraftResponseSchema,
  incidentsExportLogRequestSchema,
  incidentsExportReportRequestSchema,
  incidentsGetRequestSchema,
  incidentsListResponseSchema,
  incidentsNotificationRequestSchema,
  incidentsStatusRequestSchema,
  incidentsUpdateRequestSchema,
} from '../incidents/incident-api';

/**
 * The one IPC contract. Each method names its request and response schema; main validates every
 * request against it, the preload exposes exactly these methods, and the browser tests wire the same
 * table. Add a feature's methods here and nowhere else.
 */
export const apiContract = {
  'app.info': { request: z.object({}).strict(), response: appInfoSchema },
  'app.openExternal': {
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  'settings.get': { request: z.object({}).strict(), response: settingsSchema },
  'settings.update': { request: settingsPatchSchema, response: settingsSchema },
  'settings.registerLocation': { request: z.strictObject({}), response: registerLocationStateSchema },
  'settings.saveRegisterLocation': { request: registerLocationRequestSchema, response: registerLocationStateSchema },
  'disclosure.profiles': { request: z.strictObject({}), response: profilesResponseSchema },
  'disclosure.chooseInput': { request: z.strictObject({}), response: disclosureInputSchema.nullable() },
  'disclosure.dropInput': { request: dropInputRequestSchema, response: disclosureInputSchema },
  'disclosure.start': { request: startRequestSchema, response: z.object({ jobId: z.string() }) },
  'disclosure.status': { request: jobRequestSchema, response: jobStatusSchema },
  'disclosure.cancel': { request: jobRequestSchema, response: z.object({ cancelled: z.boolean() }) },
  'disclosure.export': { request: exportRequestSchema, response: z.object({ jobId: z.string() }).nullable() },
  'disclosure.saveProfile': {
    request: saveProfileRequestSchema,
    response: z.object({ file: z.string(), profiles: profilesResponseSchema }).nullable(),
  },
  'disclosure.openProfile': {
    request: z.strictObject({}),
    response: z.object({ profile: disclosureProfileSchema, profiles: profilesResponseSchema }).nullable(),
  },
  'register.list': { request: registerListRequestSchema, response: registerListResponseSchema },
  'register.get': { request: registerGetRequestSchema, response: registerGetResponseSchema },
  'register.create': { request: registerCreateRequestSchema, response: registerRecordResponseSchema },
  'register.update': { request: registerUpdateRequestSchema, response: registerRecordResponseSchema },
  'register.archive': { request: registerArchiveRequestSchema, response: registerRecordResponseSchema },
  'register.restore': { request: registerArchiveRequestSchema, response: registerRecordResponseSchema },
  'register.agreementSummary': { request: agreementSummaryRequestSchema, response: agreementSummarySchema },
  'audit.list': { request: auditListRequestSchema, response: auditListResponseSchema },
  'audit.verify': { request: z.strictObject({}), response: auditVerificationSchema },
  'findings.list': { request: findingsListRequestSchema, response: findingsListResponseSchema },
  'findings.overview': { request: findingsOverviewRequestSchema, response: findingsOverviewSchema },
  'findings.table': { request: findingsTableRequestSchema, response: findingsTableResponseSchema },
  'findings.setStatus': { request: setFindingStatusRequestSchema, response: setFindingStatusResponseSchema },
  'findings.setStatuses': { request: setFindingStatusesRequestSchema, response: setFindingStatusesResponseSchema },
  'deadlines.upcoming': { request: deadlinesUpcomingRequestSchema, response: deadlinesUpcomingResponseSchema },
  'dashboard.summary': { request: registerSummaryRequestSchema, response: registerSummarySchema },
  'destruction.overview': { request: destructionOverviewRequestSchema, response: destructionOverviewResponseSchema },
  'destruction.worklist': { request: destructionWorklistRequestSchema, response: destructionWorklistResponseSchema },
  'destruction.versionHoldings': { request: versionHoldingsRequestSchema, response: versionHoldingsResponseSchema },
  'destruction.record': { request: destructionRecordRequestSchema, response: destructionRecordResponseSchema },
  'destruction.recordMany': { request: destructionRecordManyRequestSchema, response: destructionRecordManyResponseSchema },
  'destruction.chooseEvidence': { request: z.strictObject({}), response: chooseEvidenceResponseSchema },
  'destruction.attachEvidence': { request: attachEvidenceRequestSchema, response: attachEvidenceResponseSchema },
  'destruction.verifyAbsence': { request: verifyAbsenceRequestSchema, response: absenceCheckSchema },
  'certificate.issue': { request: certificateIssueRequestSchema, response: certificateIssueResponseSchema },
  'certificate.markSent': { request: certificateMarkSentRequestSchema, response: certificateSummarySchema },
  'certificate.markAcknowledged': { request: certificateMarkAcknowledgedRequestSchema, response: certificateSummarySchema },
  'certificate.verify': { request: z.strictObject({}), response: certificateVerifyResponseSchema },
  'certificate.chooseSigningFile': { request: chooseSigningFileRequestSchema, response: chooseEvidenceResponseSchema },
  'certificate.sign': { request: certificateSignRequestSchema, response: certificateSignResponseSchema },
  'exports.save': { request: exportSaveRequestSchema, response: exportSaveResponseSchema },
  'imports.dur': { request: durImportRequestSchema, response: durImportResponseSchema },
  'incidents.list': { request: z.strictObject({}), response: incidentsListResponseSchema },
  'incidents.get': { request: incidentsGetRequestSchema, response: incidentDetailSchema },
  'incidents.create': { request: incidentsCreateRequestSchema, response: incidentDetailSchema },
  'incidents.update': { request: incidentsUpdateRequestSchema, response: incidentDetailSchema },
  'incidents.assess': { request: incidentsAssessRequestSchema, response: incidentDetailSchema },
  'incidents.recordNotification': { request: incidentsNotificationRequestSchema, response: incidentDetailSchema },
  'incidents.recordAction': { request: incidentsActionRequestSchema, response: incidentDetailSchema },
  'incidents.setStatus': { request: incidentsStatusRequestSchema, response: incidentDetailSchema },
  'incidents.draftFromFinding': { request: incidentsDraftRequestSchema, response: incidentsDraftResponseSchema },
  'incidents.settings.get': { request: incidentSettingsGetRequestSchema, response: incidentSettingsSchema },
  'incidents.settings.update': { request: incidentSettingsPatchSchema, response: incidentSettingsSchema },
  'incidents.exportReport': { request: incidentsExportReportRequestSchema, response: exportResultSchema },
  'incidents.exportLog': { request: incidentsExportLogRequestSchema, response: exportResultSchema },
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiRequest<M extends ApiMethod> = z.input<ApiContract[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<ApiContract[M]['response']>;

export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export const isApiMethod = (name: unknown): name is ApiMethod =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
