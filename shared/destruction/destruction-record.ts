import { z } from 'zod';
import { isoDate } from '../register/dates';
import { recordId } from '../register/records';

/**
 * How one copy was destroyed: the fields of a record of destruction, as NIST SP 800-88's sample
 * certificate and NHS England's practice ask for them (see DOMAIN.md section 5).
 */
export const methodTypes = ['Clear', 'Purge', 'Destroy'] as const;
export type MethodType = (typeof methodTypes)[number];

export const destructionOutcomes = ['destroyed', 'destroyed-with-exceptions', 'not-destroyed'] as const;
export type DestructionOutcome = (typeof destructionOutcomes)[number];

export const outcomeLabels: Record<DestructionOutcome, string> = {
  destroyed: 'Destroyed',
  'destroyed-with-exceptions': 'Destroyed with exceptions',
  'not-destroyed': 'Not destroyed',
};

/** What NIST SP 800-88 means by each type, shown beside the choice. */
export const methodTypeHints: Record<MethodType, string> = {
  Clear: 'logical overwrite or deletion that defeats simple recovery (e.g. overwrite, cloud object deletion)',
  Purge: 'defeats laboratory recovery (e.g. cryptographic erase, secure erase, degaussing)',
  Destroy: 'the medium can no longer be used (e.g. shredding, disintegration, incineration)',
};

/** Examples offered for "method used"; any text is accepted. */
export const methodSuggestions = [
  'Overwrite',
  'Secure delete of files',
  'Cryptographic erase',
  'Cloud object deletion',
  'Database table drop and purge',
  'Backup expiry',
  'Physical shredding',
  'Degaussing',
] as const;

/**
 * A date and time, written as ISO 8601 with seconds optional and an offset or Z required, so a
 * time recorded in the UK in summer is not mistaken for UTC: 2026-03-01T14:30:00Z,
 * 2026-03-01T15:30+01:00.
 */
export const isoDateTime = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be a date and time such as 2026-03-01T14:30:00Z (with Z or an offset like +01:00)',
  )
  .refine((value) => !Number.isNaN(Date.parse(value)) && isoDate.safeParse(value.slice(0, 10)).success, 'is not a real date and time');

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'is required');
const optional = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

/** What a user (form, CLI flags, `--from FILE.json`) gives to record a destruction. */
export const destructionInputSchema = z
  .strictObject({
    copyId: recordId,
    methodType: z.enum(methodTypes, { message: 'must be Clear, Purge or Destroy' }),
    method: required(300),
    tool: optional(300),
    toolVersion: optional(100),
    performedAt: isoDateTime,
    operator: required(200),
    verificationMethod: required(1000),
    verificationResult: required(1000),
    outcome: z.enum(destructionOutcomes, { message: 'must be destroyed, destroyed-with-exceptions or not-destroyed' }),
    exceptionReason: optional(1000),
    exceptionEndDate: isoDate.nullable().default(null),
    notes: optional(2000),
    // NIST SP 800-88 Rev. 2 (September 2025) asks a sanitisation record for these beside the method
    // type. Optional so records made before they existed, and forms that leave them out, still parse.
    sanitisationStandard: optional(300),
    cryptographicErase: z.boolean().default(false),
    keyHandling: optional(1000),
    validationMethod: optional(1000),
    validationResult: optional(1000),
  })
  .superRefine((input, ctx) => {
    // A cryptographic erase is only as good as the destruction of its key: say what happened to it.
    if (input.cryptographicErase && !input.keyHandling)
      ctx.addIssue({ code: 'custom', path: ['keyHandling'], message: 'is required when cryptographic erase is used: how the key was destroyed (e.g. key deleted from the KMS, HSM zeroised)' });
    if (!input.cryptographicErase && input.keyHandling)
      ctx.addIssue({ code: 'custom', path: ['cryptographicErase'], message: 'must be yes when key handling is given' });
    if (input.validationMethod && !input.validationResult)
      ctx.addIssue({ code: 'custom', path: ['validationResult'], message: 'is required when a validation is recorded: what it found' });
    if (!input.validationMethod && input.validationResult)
      ctx.addIssue({ code: 'custom', path: ['validationMethod'], message: 'is required when a validation result is given: what was done to validate' });
    if (input.outcome === 'destroyed-with-exceptions') {
      if (!input.exceptionReason) ctx.addIssue({ code: 'custom', path: ['exceptionReason'], message: 'is required when the outcome is destroyed with exceptions (e.g. backups that age out)' });
      if (!input.exceptionEndDate) ctx.addIssue({ code: 'custom', path: ['exceptionEndDate'], message: 'is required when the outcome is destroyed with exceptions: the date the exception ends' });
      if (input.exceptionEndDate && input.exceptionEndDate < input.performedAt.slice(0, 10))
        ctx.addIssue({ code: 'custom', path: ['exceptionEndDate'], message: 'must not be before the destruction date' });
    } else if (input.exceptionReason || input.exceptionEndDate) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'must be destroyed-with-exceptions when an exception reason or end date is given' });
    }
  });
export type DestructionInput = z.input<typeof destructionInputSchema>;
export type ValidDestructionInput = z.output<typeof destructionInputSchema>;

export const evidenceFileSchema = z.object({
  id: recordId,
  destructionId: recordId,
  /** Relative to the app's data folder, e.g. evidence/3f/3f2a…-erasure-report.pdf. */
  storedPath: z.string(),
  originalName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().nonnegative(),
  attachedAt: z.string(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

/** A stored record of destruction. */
export const destructionRecordSchema = z.object({
  id: recordId,
  copyId: recordId,
  methodType: z.enum(methodTypes),
  method: z.string(),
  tool: z.string().nullable(),
  toolVersion: z.string().nullable(),
  performedAt: z.string(),
  operator: z.string(),
  verificationMethod: z.string(),
  verificationResult: z.string(),
  outcome: z.enum(destructionOutcomes),
  exceptionReason: z.string().nullable(),
  exceptionEndDate: isoDate.nullable(),
  notes: z.string().nullable(),
  sanitisationStandard: z.string().nullable(),
  cryptographicErase: z.boolean(),
  keyHandling: z.string().nullable(),
  validationMethod: z.string().nullable(),
  validationResult: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type DestructionRecord = z.infer<typeof destructionRecordSchema>;

export const absenceResults = ['absent', 'present', 'unreadable'] as const;
export const absenceCheckSchema = z.object({
  id: recordId,
  copyId: recordId,
  pathChecked: z.string(),
  checkedAt: z.string(),
  result: z.enum(absenceResults),
  /** What was found, in words: "nothing at the path; its folder /data/hes exists". */
  detail: z.string(),
  checkedBy: z.string(),
});
export type AbsenceCheck = z.infer<typeof absenceCheckSchema>;
