import type { Migration } from './migration';

/**
 * Destruction: how each copy was destroyed, the evidence for it, checks that nothing remains at a
 * copy's path, the content of each certificate of destruction, and which deadline reminders the
 * user has already been shown.
 *
 * Choices, so that a reviewer need not guess:
 * - A copy may have several destruction records (a first attempt "not destroyed", then
 *   "destroyed"; backups "destroyed with exceptions" until they age out, then "destroyed"). The
 *   latest record (highest rowid) is the copy's current state; earlier ones stay as history.
 * - The CHECKs repeat what the zod schema in shared/destruction/destruction-record.ts says and is
 *   cheap for SQLite: the three NIST SP 800-88 method types, the three outcomes, and that an
 *   exception has a reason and an end date. The copy's destroyed date lives on the copy (migration
 *   002) and is set by the same transaction that writes an outcome of "destroyed".
 * - Evidence files are copied into the evidence store under the app's data folder; `stored_path`
 *   is relative to that folder so the register and its data folder can move together.
 * - A certificate's content is kept exactly as hashed (`canonical_json`), with its SHA-256 and the
 *   SHA-256 of the PDF as issued, so `custodian certificate verify` can name what changed in a
 *   document and what changed in the register since. The status (issued, sent, acknowledged) stays
 *   on the certificate record of migration 002.
 * - Nothing here is ever deleted: foreign keys are ON DELETE RESTRICT.
 */
const date = (column: string) =>
  `${column} TEXT CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
const requiredText = (column: string) => `${column} TEXT NOT NULL CHECK (${column} <> '')`;
const sha256 = (column: string) => `${column} TEXT NOT NULL CHECK (length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*')`;

const schema = `
CREATE TABLE destruction_records (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  copy_id TEXT NOT NULL REFERENCES copies (id) ON DELETE RESTRICT,
  method_type TEXT NOT NULL CHECK (method_type IN ('Clear', 'Purge', 'Destroy')),
  ${requiredText('method')},
  tool TEXT,
  tool_version TEXT,
  ${requiredText('performed_at')},
  ${requiredText('operator')},
  ${requiredText('verification_method')},
  ${requiredText('verification_result')},
  outcome TEXT NOT NULL CHECK (outcome IN ('destroyed', 'destroyed-with-exceptions', 'not-destroyed')),
  exception_reason TEXT,
  ${date('exception_end_date')},
  notes TEXT,
  ${requiredText('recorded_at')},
  ${requiredText('recorded_by')},
  CHECK (outcome <> 'destroyed-with-exceptions' OR (exception_reason IS NOT NULL AND exception_end_date IS NOT NULL))
) STRICT;
CREATE INDEX destruction_records_by_copy ON destruction_records (copy_id);

CREATE TABLE destruction_evidence (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  destruction_id TEXT NOT NULL REFERENCES destruction_records (id) ON DELETE RESTRICT,
  ${requiredText('stored_path')},
  ${requiredText('original_name')},
  ${sha256('sha256')},
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  ${requiredText('attached_at')}
) STRICT;
CREATE INDEX destruction_evidence_by_record ON destruction_evidence (destruction_id);

CREATE TABLE absence_checks (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  copy_id TEXT NOT NULL REFERENCES copies (id) ON DELETE RESTRICT,
  ${requiredText('path_checked')},
  ${requiredText('checked_at')},
  result TEXT NOT NULL CHECK (result IN ('absent', 'present', 'unreadable')),
  ${requiredText('detail')},
  ${requiredText('checked_by')}
) STRICT;
CREATE INDEX absence_checks_by_copy ON absence_checks (copy_id);

CREATE TABLE certificate_contents (
  certificate_id TEXT PRIMARY KEY NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT,
  canonical_json TEXT NOT NULL CHECK (json_valid(canonical_json)),
  ${sha256('content_hash')},
  ${sha256('pdf_sha256')},
  ${requiredText('issued_at')},
  UNIQUE (content_hash)
) STRICT;

CREATE TABLE destruction_notices (
  key TEXT PRIMARY KEY NOT NULL,
  holding_id TEXT NOT NULL REFERENCES holdings (id) ON DELETE RESTRICT,
  ${date('deadline')} NOT NULL,
  days_before INTEGER NOT NULL CHECK (days_before >= 0),
  ${requiredText('shown_at')}
) STRICT;
`;

export const migration003Destruction: Migration = {
  version: 3,
  name: 'destruction',
  up(db) {
    db.exec(schema);
  },
};
