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
/**
 * Version 2 added the NIST SP 800-88 Rev. 2 fields of each destruction and the four signatories with
 * their role and date. Version 1 certificates still parse and verify: the builder makes the same
 * shape again for them, so a certificate issued before the change is not reported as altered.
 */
export const CERTIFICATE_FORMAT_VERSION = 2;
export const certificateFormatVersions = [1, 2] as const;
export type CertificateFormatVersion = (typeof certificateFormatVersions)[number];

const partySchema = z.strictObject({ id: z.string(), name: z.string(), odsCode: z.string().nullable() });

/** A destruction as the certificate states it: the record without its bookkeeping (notes, who typed it in, when). */
const destructionSchema = destructionRecordSchema
  .omit({ copyId: true, notes: true, recordedAt: true, recordedBy: true })
  .extend({
    // Absent from version 1 certificates; always present (null when not recorded) from version 2.
    sanitisationStandard: z.string().nullable().optional(),
    cryptographicErase: z.boolean().optional(),
    keyHandling: z.string().nullable().optional(),
    validationMethod: z.string().nullable().optional(),
    validationResult: z.string().nullable().optional(),
  })
  .strict();

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

/**
 * Who a version 2 certificate names, in the order printed: the two DPOs NHS England asks to sign,
 * who authorised and who carried out the destruction (issue 14), and the second person who
 * validated it (DOMAIN.md section 5), each with name, role and date.
 */
export const signatoryRoles = ['recipient-dpo', 'processor-dpo', 'authorised-by', 'carried-out-by', 'validator'] as const;
export type SignatoryRole = (typeof signatoryRoles)[number];

export const signatorySchema = z.strictObject({
  role: z.enum(signatoryRoles),
  /** "Data Protection Officer, University of Exampleton (recipient)". */
  title: z.string(),
  /** Printed under the signature line when known; blank lines are printed otherwise. */
  name: z.string().nullable(),
  /** The person's own role or job title, e.g. "Head of Information Governance" (version 2). */
  position: z.string().nullable().optional(),
  /** When they signed, authorised or carried out the destruction (version 2). */
  date: z.string().nullable().optional(),
});
export type Signatory = z.infer<typeof signatorySchema>;

export const certificateContentSchema = z.strictObject({
  format: z.literal(CERTIFICATE_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
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
