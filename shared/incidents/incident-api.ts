import { z } from 'zod';
import { recordId } from '../register/records';
import {
  actionFieldsSchema,
  assessmentFieldsSchema,
  incidentFieldsSchema,
  incidentSchema,
  notificationFieldsSchema,
  notificationSchema,
} from './incident-records';
import { incidentSettingsPatchSchema, incidentSettingsSchema } from './incident-settings';
import { incidentStatuses, notificationRecipients } from './incident-vocabulary';
import { utcInstantSchema } from './zoned-time';

/**
 * Request and response schemas of the `incidents.*` IPC methods. Every response that shows one
 * incident carries what the screen needs beside it: the required notifications with their
 * deadlines (the screen runs the clocks from them), what keeps it from closing, and the names of
 * the register records it links to.
 */
const incidentIdSchema = recordId;

export const requiredNotificationSchema = z.object({
  recipient: z.enum(notificationRecipients),
  deadline: utcInstantSchema.nullable(),
  why: z.string(),
  sent: notificationSchema.nullable(),
});

export const incidentDetailSchema = z.object({
  incident: incidentSchema,
  required: z.array(requiredNotificationSchema),
  outstanding: z.array(z.string()),
  /** id → label of every register record the incident links to ("DARS-NIC-00574-V2H1F", "AWS eu-west-2 (London)"). */
  labels: z.record(z.string(), z.string()),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const incidentsListResponseSchema = z.object({
  incidents: z.array(
    z.object({
      incident: incidentSchema,
      required: z.array(requiredNotificationSchema),
      outstandingCount: z.number().int().min(0),
    }),
  ),
});

export const incidentsGetRequestSchema = z.strictObject({ id: incidentIdSchema });
export const incidentsCreateRequestSchema = z.strictObject({ fields: incidentFieldsSchema });
export const incidentsUpdateRequestSchema = z.strictObject({ id: incidentIdSchema, fields: incidentFieldsSchema });
export const incidentsAssessRequestSchema = z.strictObject({ id: incidentIdSchema, assessment: assessmentFieldsSchema });
export const incidentsNotificationRequestSchema = z.strictObject({
  id: incidentIdSchema,
  /** Given to correct a notification already logged (e.g. to add the acknowledgement). */
  notificationId: recordId.optional(),
  notification: notificationFieldsSchema,
});
export const incidentsActionRequestSchema = z.strictObject({ id: incidentIdSchema, actionId: recordId.optional(), action: actionFieldsSchema });
export const incidentsStatusRequestSchema = z.strictObject({
  id: incidentIdSchema,
  status: z.enum(incidentStatuses),
  lessonsLearned: z.string().trim().max(20000).nullable().optional(),
});

export const incidentsDraftRequestSchema = z.strictObject({ findingId: z.string().min(1).max(300) });
export const incidentsDraftResponseSchema = z.object({
  /** The pre-filled form, not yet saved. */
  fields: incidentFieldsSchema,
  labels: z.record(z.string(), z.string()),
});

export const incidentSettingsGetRequestSchema = z.strictObject({});
export { incidentSettingsPatchSchema, incidentSettingsSchema };

export const incidentsExportReportRequestSchema = z.strictObject({ id: incidentIdSchema });
export const breachLogFormats = ['xlsx', 'csv'] as const;
export type BreachLogFormat = (typeof breachLogFormats)[number];
export const incidentsExportLogRequestSchema = z.strictObject({ format: z.enum(breachLogFormats) });
export const exportResultSchema = z.union([z.object({ path: z.string() }), z.object({ cancelled: z.literal(true) })]);
