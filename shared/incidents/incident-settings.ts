import { z } from 'zod';
import { defaultRiskGrid, riskGridSchema } from './risk-grid';
import { DEFAULT_TIME_ZONE, timeZoneSchema } from './zoned-time';

/**
 * The incident settings an organisation edits (Incidents → Settings), stored in the register so
 * the app and the CLI agree:
 * - the DSPT assessment grid (risk-grid.ts);
 * - the target for telling NHS England's DARS team. The contract says "as soon as possible"; 24
 *   hours from becoming aware is the default target because it leaves the rest of the ICO's 72 hours
 *   for the assessment, and the clock turns red when it passes;
 * - the data protection officer's contact details, which Art 33(3)(b) requires in the ICO report;
 * - the time zone new incidents are recorded in.
 */
export const DEFAULT_DARS_TARGET_HOURS = 24;
/** UK GDPR Art 33(1): fixed by law, so not a setting. */
export const ICO_DEADLINE_HOURS = 72;

const contactText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const dpoContactSchema = z.object({
  name: contactText(200),
  role: contactText(200),
  email: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address such as dpo@example.nhs.uk')
    .nullable()
    .default(null),
  phone: contactText(50),
  address: contactText(500),
});
export type DpoContact = z.infer<typeof dpoContactSchema>;

export const incidentSettingsSchema = z.object({
  grid: riskGridSchema,
  darsTargetHours: z.number().int().min(1, 'must be at least 1 hour').max(168, 'must be at most 168 hours (a week)'),
  dpo: dpoContactSchema,
  defaultTimeZone: timeZoneSchema,
});
export type IncidentSettings = z.infer<typeof incidentSettingsSchema>;

export function defaultIncidentSettings(): IncidentSettings {
  return {
    grid: defaultRiskGrid(),
    darsTargetHours: DEFAULT_DARS_TARGET_HOURS,
    dpo: { name: null, role: null, email: null, phone: null, address: null },
    defaultTimeZone: DEFAULT_TIME_ZONE,
  };
}

export const incidentSettingsPatchSchema = incidentSettingsSchema.partial().strict();
export type IncidentSettingsPatch = z.infer<typeof incidentSettingsPatchSchema>;

/** "Dr A Example, Data Protection Officer, dpo@example.nhs.uk, 0113 496 0000", or null when nothing is set. */
export function dpoContactLine(dpo: DpoContact): string | null {
  const parts = [dpo.name, dpo.role, dpo.email, dpo.phone, dpo.address].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length ? parts.join(', ') : null;
}
