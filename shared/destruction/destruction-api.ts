import { z } from 'zod';
import { isoDate } from '../register/dates';
import { recordRefSchema } from '../register/record-labels';
import { certificateStatuses } from '../register/vocabulary';
import { recordId } from '../register/records';
import { digitalSignatories } from './digital-signatories';
import { absenceCheckSchema, destructionInputSchema, destructionOutcomes, methodTypes } from './destruction-record';

/** Request and response schemas of the Destruction screen's IPC methods. */

export const copyStatusSchema = z.object({
  copy: recordRefSchema,
  holding: recordRefSchema,
  version: recordRefSchema,
  kind: z.string(),
  location: z.string(),
  pathOrDescription: z.string().nullable(),
  destroyedDate: isoDate.nullable(),
  /** The recorded path is one this computer can look at. */
  canVerifyAbsence: z.boolean(),
  latest: z
    .object({
      id: recordId,
      outcome: z.enum(destructionOutcomes),
      methodType: z.enum(methodTypes),
      method: z.string(),
      performedAt: z.string(),
      exceptionEndDate: isoDate.nullable(),
      evidence: z.array(z.object({ fileName: z.string(), sha256: z.string() })),
    })
    .nullable(),
  lastAbsenceCheck: absenceCheckSchema.pick({ result: true, checkedAt: true, detail: true }).nullable(),
});
export type CopyStatus = z.infer<typeof copyStatusSchema>;

export const certificateSummarySchema = z.object({
  id: recordId,
  number: z.string(),
  agreement: z.string(),
  holdings: z.array(z.string()),
  issuedDate: isoDate,
  status: z.enum(certificateStatuses),
  sentDate: isoDate.nullable(),
  acknowledgedDate: isoDate.nullable(),
  acknowledgementReference: z.string().nullable(),
  contentHash: z.string().nullable(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

/** Rows on a page of "Copies and their destruction" and of "Certificates issued": a register of 100,000 copies has thousands of each. */
export const DESTRUCTION_PAGE = 50;
const pageOffset = z.number().int().min(0).max(10_000_000).default(0);

export const destructionOverviewRequestSchema = z.strictObject({
  asOf: isoDate.optional(),
  /** The first row of the page of copies, and of certificates, to send. */
  copiesOffset: pageOffset,
  certificatesOffset: pageOffset,
});
const pageOf = <T extends z.ZodTypeAny>(row: T) => z.object({ rows: z.array(row), total: z.number().int(), offset: z.number().int() });
export const destructionOverviewResponseSchema = z.object({
  asOf: isoDate,
  /** A page of the copies of holdings not yet certified whose destruction is recorded or dated, with its state (live ones are the worklist's). */
  copies: pageOf(copyStatusSchema),
  /**
   * Agreement versions with holdings, for issuing a certificate: only their names, as a register has
   * thousands; the form asks for the chosen version's holdings (destruction.versionHoldings).
   */
  versions: z.array(z.object({ id: recordId, label: z.string() })),
  certificates: pageOf(certificateSummarySchema),
});
export type DestructionOverview = z.infer<typeof destructionOverviewResponseSchema>;

/** `destruction.versionHoldings`: the holdings a certificate for one agreement version can cover. */
export const versionHoldingsRequestSchema = z.strictObject({ versionId: recordId });
export const versionHoldingsResponseSchema = z.object({ holdings: z.array(recordRefSchema) });

const token = z.string().min(1).max(100);

export const destructionRecordRequestSchema = z.strictObject({
  destruction: destructionInputSchema,
  /** Files chosen with destruction.chooseEvidence in this session. */
  evidenceTokens: z.array(token).max(20).default([]),
});
export const destructionRecordResponseSchema = z.object({
  recordId: recordId,
  copy: recordRefSchema,
  destroyedDate: isoDate.nullable(),
  evidence: z.array(z.object({ fileName: z.string(), sha256: z.string() })),
});

/** At most this many copies in one record: a holding's copies, or a page of the worklist. */
export const MAX_COPIES_PER_RECORD = 500;
const fields = z.record(z.string().max(40), z.union([z.string().max(2000), z.boolean(), z.null()]));

/**
 * `destruction.recordMany`: one destruction of several copies. `common` holds the fields of a
 * destruction record (destructionInputSchema, without copyId) given once; each copy may override
 * any of them. Main checks each copy's merged record against destructionInputSchema.
 */
export const destructionRecordManyRequestSchema = z.strictObject({
  common: fields,
  copies: z
    .array(z.strictObject({ copyId: recordId, overrides: fields.optional() }))
    .min(1, 'choose at least one copy')
    .max(MAX_COPIES_PER_RECORD),
  evidenceTokens: z.array(token).max(20).default([]),
});
export const destructionRecordManyResponseSchema = z.object({
  recorded: z.array(z.object({ recordId: recordId, copy: recordRefSchema, destroyedDate: isoDate.nullable() })),
  evidence: z.array(z.object({ fileName: z.string(), sha256: z.string() })),
});

export const chooseEvidenceResponseSchema = z.object({ file: z.object({ token, fileName: z.string() }).nullable() });

export const attachEvidenceRequestSchema = z.strictObject({ destructionId: recordId, token });
export const attachEvidenceResponseSchema = z.object({ fileName: z.string(), sha256: z.string() });

export const verifyAbsenceRequestSchema = z.strictObject({ copyId: recordId });

const optionalName = z
  .string()
  .trim()
  .max(200, 'must be at most 200 characters')
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

/** One person a certificate names: the form, the CLI flags and the IPC request all parse with this. */
export const signatoryInputSchema = z.strictObject({
  name: optionalName,
  /** Their own role or job title, e.g. "Head of Information Governance". */
  position: optionalName,
  date: isoDate.nullable().optional().transform((v) => v ?? null),
});
export type SignatoryInput = z.output<typeof signatoryInputSchema>;

/** The two signatories, who authorised and who carried out the destruction, and who validated it. */
export const signatoriesInputSchema = z.strictObject({
  'recipient-dpo': signatoryInputSchema.optional(),
  'processor-dpo': signatoryInputSchema.optional(),
  'authorised-by': signatoryInputSchema.optional(),
  'carried-out-by': signatoryInputSchema.optional(),
  validator: signatoryInputSchema.optional(),
});
export type SignatoriesInput = z.output<typeof signatoriesInputSchema>;

export const certificateIssueRequestSchema = z.strictObject({
  versionId: recordId,
  /** None: every holding of the version not yet certified. */
  holdingIds: z.array(recordId).max(1000).optional(),
  reason: z.string().trim().max(2000).nullable().optional(),
  retained: z.string().trim().max(2000).nullable().optional(),
  signatories: signatoriesInputSchema.optional(),
});
export const certificateIssueResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('issued'), certificate: certificateSummarySchema, fileName: z.string(), jsonFileName: z.string(), exceptions: z.number().int() }),
  z.object({ status: z.literal('refused'), agreement: z.string(), liveCopies: z.array(z.object({ copy: recordRefSchema, reason: z.string() })) }),
  z.object({ status: z.literal('cancelled') }),
]);
export type CertificateIssueResponse = z.infer<typeof certificateIssueResponseSchema>;

export const certificateMarkSentRequestSchema = z.strictObject({ certificateId: recordId, date: isoDate });
export const certificateMarkAcknowledgedRequestSchema = z.strictObject({ certificateId: recordId, date: isoDate, reference: z.string().trim().max(200).nullable().optional() });

export const certificateVerifyResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('checked'),
    fileName: z.string(),
    genuine: z.boolean(),
    certificateNumber: z.string().nullable(),
    documentHash: z.string().nullable(),
    /** What differs, one sentence each; empty when genuine and unchanged. */
    problems: z.array(z.string()),
    notes: z.array(z.string()),
  }),
  z.object({ status: z.literal('cancelled') }),
]);
export type CertificateVerifyResponse = z.infer<typeof certificateVerifyResponseSchema>;

/** Digital signing: the certificate PDF (signed in place) and the signer's PKCS#12 file, each chosen in main's dialog. */
export const chooseSigningFileRequestSchema = z.strictObject({ kind: z.enum(['pdf', 'p12']) });
export const certificateSignRequestSchema = z.strictObject({
  certificateId: recordId,
  signatory: z.enum(digitalSignatories),
  pdfToken: token,
  p12Token: token,
  /** Opens the PKCS#12 file; used once in main and never stored or logged. */
  passphrase: z.string().max(1024),
});
export const certificateSignResponseSchema = z.object({ certificateNumber: z.string(), signerName: z.string(), signingTime: z.string(), fileName: z.string() });
export type CertificateSignResponse = z.infer<typeof certificateSignResponseSchema>;
