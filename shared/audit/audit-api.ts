import { z } from 'zod';

/**
 * The audit log as the UI and the CLI see it. Entries are written by the main process only
 * (electron/register/audit-log.ts); these schemas describe what `audit.list` and `audit.verify` return.
 */

/** Every action written is one of shared/audit/audit-vocabulary.ts; a request may name any word (the CLI's --action). */
export const auditActionSchema = z
  .string()
  .regex(/^[a-z][a-z-]{0,39}$/, 'must be a lower-case word such as create or export');

export const auditEntrySchema = z.object({
  seq: z.number().int().min(1),
  /** ISO 8601 timestamp from the service context's clock. */
  at: z.string(),
  osUser: z.string(),
  /** The display name set in Settings at the time (empty if none was set). */
  displayName: z.string(),
  action: auditActionSchema,
  /** A record kind (`copy`, `dsaVersion`…) or another subject such as `register` for a snapshot export. */
  recordKind: z.string().nullable(),
  recordId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  detail: z.unknown().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListRequestSchema = z.strictObject({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
  kind: z.string().max(40).optional(),
  recordId: z.string().max(64).optional(),
  action: auditActionSchema.optional(),
  /** Text to find in the actor, action, record kind or id, or the before/after content. */
  search: z.string().trim().max(200).optional(),
  /** Entries at or after this instant (ISO 8601 with Z, e.g. the start of the user's first day). */
  from: z.iso.datetime().optional(),
  /** Entries before this instant. */
  until: z.iso.datetime().optional(),
});

export const auditListResponseSchema = z.object({
  total: z.number().int().min(0),
  /** Newest first. */
  entries: z.array(auditEntrySchema),
  /** What the screens call the records these entries are about and refer to, by id, so no entry shows a bare id. */
  labels: z.record(z.string(), z.string()),
});

/** What can be wrong with the chain, in the order a reader would check. */
export const auditProblemKinds = ['edited', 'deleted', 'reordered'] as const;

export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  /** Entries checked. */
  entries: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  /** The newest entry's number and hash (null for an empty log): write it down to anchor the chain. */
  head: z.object({ seq: z.number().int().min(1), hash: z.string() }).nullable(),
  /** How many anchors (--expect, checkpoints) the chain was checked against. */
  anchorsChecked: z.number().int().min(0),
  /** Whether the seal was checked with the audit key (keyed mode). */
  sealChecked: z.boolean(),
  /** The first problem found, or null when the chain is intact. */
  problem: z
    .object({
      kind: z.enum(auditProblemKinds),
      /** The sequence number of the first entry affected. */
      seq: z.number().int(),
      /** One sentence for a person: which entry, what happened, how we know. */
      message: z.string(),
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
