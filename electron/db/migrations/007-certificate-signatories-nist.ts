import type { Migration } from './migration';

/**
 * What NIST SP 800-88 Rev. 2 (September 2025) asks a record of sanitisation to say beside the
 * method type (Clear, Purge, Destroy), on each destruction record (shared/destruction/destruction-record.ts):
 * - `sanitisation_standard`: the standard or technique followed, e.g. IEEE 2883-2022;
 * - `cryptographic_erase` (0 or 1) and `key_handling`: a cryptographic erase is only as good as the
 *   destruction of its key, so a record that says "yes" must say what happened to the key;
 * - `validation_method` and `validation_result`: the validation performed and what it found, kept
 *   apart from the verification migration 003 already records.
 * Records written before this migration get no standard, "no" cryptographic erase and no
 * validation: nothing is invented for them. The signatories (recipient's and processor's DPO, who
 * authorised and who carried out the destruction) need no column: they are part of the certificate
 * content stored, as hashed, in certificate_contents.canonical_json.
 */
const schema = `
ALTER TABLE destruction_records ADD COLUMN sanitisation_standard TEXT;
ALTER TABLE destruction_records ADD COLUMN cryptographic_erase INTEGER NOT NULL DEFAULT 0 CHECK (cryptographic_erase IN (0, 1));
ALTER TABLE destruction_records ADD COLUMN key_handling TEXT CHECK (key_handling IS NULL OR key_handling <> '');
ALTER TABLE destruction_records ADD COLUMN validation_method TEXT;
ALTER TABLE destruction_records ADD COLUMN validation_result TEXT CHECK ((validation_method IS NULL) = (validation_result IS NULL));
CREATE TRIGGER destruction_records_key_handling BEFORE INSERT ON destruction_records
  WHEN NEW.cryptographic_erase = 1 AND NEW.key_handling IS NULL
  BEGIN SELECT RAISE(ABORT, 'a cryptographic erase must record how its key was handled'); END;
`;

export const migration007CertificateSignatoriesNist: Migration = {
  version: 7,
  name: 'certificate-signatories-nist',
  up(db) {
    db.exec(schema);
  },
};
