import type { Migration } from './migration';

/**
 * Tables released from a holding (shared/disclosure/released-table.ts), kept so that each later
 * table from the same holding is audited together with them: two tabulations of the same records
 * share their margins, and a count hidden in one can be given away by the other.
 *
 * - One row per release, written in the same transaction as the export's audit entry (`audit_seq`),
 *   so a release is kept exactly when its export is recorded.
 * - The release itself is JSON checked by zod when read: what was published, as the attacker reads
 *   it, and which cells were primary suppressions. It never holds a true count.
 * - Nothing is ever deleted; releases of a destroyed holding stay as the record of what left.
 */
const schema = `
CREATE TABLE disclosure_releases (
  id INTEGER PRIMARY KEY,
  holding_id TEXT NOT NULL REFERENCES holdings(id) ON DELETE RESTRICT,
  audit_seq INTEGER NOT NULL UNIQUE REFERENCES audit_log(seq) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  output_sha256 TEXT NOT NULL CHECK (length(output_sha256) = 64),
  release_json TEXT NOT NULL CHECK (json_valid(release_json))
) STRICT;
CREATE INDEX disclosure_releases_by_holding ON disclosure_releases (holding_id, id);
`;

export const migration005DisclosureReleases: Migration = {
  version: 5,
  name: 'disclosure-releases',
  up(db) {
    db.exec(schema);
  },
};
