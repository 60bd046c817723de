import { z } from 'zod';
import { absenceResults, destructionRecordSchema } from './destruction-record';

/**
 * The content of a certificate of destruction: everything the certificate states, as data. Its
 * canonical JSON (canonical-json.ts) is what is hashed, embedded in the PDF and written beside it,
 * so every field here is something a reader of the certificate can check against the register.
 *
 * Only strings, integers, booleans, null, arrays and objects appear, so the canonical form is the
 * same in any JSON implementation (no floating-point formatting questions).
 */
export const CERTIFICATE_FORMAT = 'custodian-certificate-of-destruction';
export const CERTIFICATE_FORMAT_VERSION = 1;

const partySchema = z.strictObject({ id: z.string(), name: z.string(), odsCode: z.string().nullable() });

/** A destruction as the certificate states it: the record without its bookkeeping (notes, who typed it in, when). */
const destructionSchema = destructionRecordSchema.omit({ copyId: true, notes: true, recordedAt: true, recordedBy: true }).strict();

const evidenceSchema = z.strictObject({ id: z.string(), fileName: z.string(), sha256: z.string(), sizeBytes: z.number().int() });

const absenceSchema = z.strictObject({ pathChecked: z.string(), checkedAt: z.string(), result: z.enum(absenceResults), detail: z.string() });

export const certificateCopySchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  location: z.strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    operator: z.string(),
    place: z.string().nullable(),
  }),
  pathOrDescription: z.string().nullable(),
  createdDate: z.string(),
  destroyedDate: z.string().nullable(),
  /** Never null on an issued certificate; null only when verification rebuilds one from a register that lost it. */
  destruction: destructionSchema.nullable(),
  absenceCheck: absenceSchema.nullable(),
  evidence: z.array(evidenceSchema),
});
export type CertificateCopy = z.infer<typeof certificateCopySchema>;

export const certificateHoldingSchema = z.strictObject({
  id: z.string(),
  darsFileReference: z.string(),
  dataset: z.string(),
  dataYear: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  receivedDate: z.string(),
  recordCount: z.number().int().nullable(),
  checksum: z.string().nullable(),
  copies: z.array(certificateCopySchema),
});
export type CertificateHolding = z.infer<typeof certificateHoldingSchema>;

export const signatoryRoles = ['recipient-dpo', 'processor-dpo', 'validator'] as const;
export type SignatoryRole = (typeof signatoryRoles)[number];

export const signatorySchema = z.strictObject({
  role: z.enum(signatoryRoles),
  /** "Data Protection Officer, University of Exampleton (recipient)". */
  title: z.string(),
  /** Printed under the signature line when known; blank lines are printed otherwise. */
  name: z.string().nullable(),
});
export type Signatory = z.infer<typeof signatorySchema>;

export const certificateContentSchema = z.strictObject({
  format: z.literal(CERTIFICATE_FORMAT),
  formatVersion: z.literal(CERTIFICATE_FORMAT_VERSION),
  certificateNumber: z.string(),
  issuedDate: z.string(),
  issuedAt: z.string(),
  issuedBy: z.strictObject({ organisation: z.string(), person: z.string() }),
  agreement: z.strictObject({
    dsaReference: z.string(),
    title: z.string().nullable(),
    version: z.string(),
    versionId: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    dsfcReference: z.string().nullable(),
  }),
  controllers: z.array(partySchema),
  processors: z.array(partySchema),
  reason: z.string(),
  holdings: z.array(certificateHoldingSchema),
  statement: z.strictObject({
    allDestroyed: z.boolean(),
    text: z.string(),
    exceptions: z.array(z.strictObject({ copyId: z.string(), copy: z.string(), reason: z.string(), endDate: z.string() })),
  }),
  retained: z.string(),
  signatories: z.array(signatorySchema),
  /**
   * The register's audit chain head when the certificate was made (absent from certificates issued
   * before it was added): an anchor outside the register, so `certificate verify` and
   * `audit verify --expect SEQ:HASH` can show nothing up to it was removed or rewritten since.
   */
  auditHead: z.strictObject({ seq: z.number().int().min(1), hash: z.string() }).nullable().optional(),
});
export type CertificateContent = z.infer<typeof certificateContentSchema>;

/** Every evidence file of a certificate, with the copy it belongs to, in the order the certificate lists copies. */
export function evidenceOf(content: CertificateContent): { copyId: string; copy: string; fileName: string; sha256: string; sizeBytes: number }[] {
  return content.holdings.flatMap((h) =>
    h.copies.flatMap((c) =>
      c.evidence.map((e) => ({ copyId: c.id, copy: `${copyKindWord(c.kind)} copy of ${h.darsFileReference} at ${c.location.name}`, fileName: e.fileName, sha256: e.sha256, sizeBytes: e.sizeBytes })),
    ),
  );
}

export const copyKindWord = (kind: string): string => (kind === 'processor-copy' ? 'Processor' : kind.charAt(0).toUpperCase() + kind.slice(1));
