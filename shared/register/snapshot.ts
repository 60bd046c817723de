import { z } from 'zod';
import {
  approvedLocationSchema,
  assuranceSchema,
  certificateSchema,
  copySchema,
  dsaSchema,
  dsaVersionSchema,
  dsfcSchema,
  holdingSchema,
  locationSchema,
  obligationSchema,
  organisationSchema,
  versionDatasetSchema,
} from './records';

/**
 * The whole register as one value: what the findings rules read, what `custodian export register`
 * writes and `import register` reads. Arrays are keyed by the record kinds' plural names.
 */
export const registerContentSchema = z.object({
  organisations: z.array(organisationSchema),
  assurances: z.array(assuranceSchema),
  dsfcs: z.array(dsfcSchema),
  dsas: z.array(dsaSchema),
  versions: z.array(dsaVersionSchema),
  datasets: z.array(versionDatasetSchema),
  locations: z.array(locationSchema),
  approvedLocations: z.array(approvedLocationSchema),
  holdings: z.array(holdingSchema),
  copies: z.array(copySchema),
  obligations: z.array(obligationSchema),
  certificates: z.array(certificateSchema),
});
export type RegisterContent = z.infer<typeof registerContentSchema>;

export const REGISTER_SNAPSHOT_FORMAT = 'custodian-register';
export const REGISTER_SNAPSHOT_VERSION = 1;

export const registerSnapshotSchema = z.object({
  format: z.literal(REGISTER_SNAPSHOT_FORMAT),
  formatVersion: z.literal(REGISTER_SNAPSHOT_VERSION),
  exportedAt: z.string(),
  register: registerContentSchema,
});
export type RegisterSnapshot = z.infer<typeof registerSnapshotSchema>;

export const emptyRegister = (): RegisterContent => ({
  organisations: [],
  assurances: [],
  dsfcs: [],
  dsas: [],
  versions: [],
  datasets: [],
  locations: [],
  approvedLocations: [],
  holdings: [],
  copies: [],
  obligations: [],
  certificates: [],
});
