import type { Migration } from './migration';

/**
 * Whether a DSA version's processing is archiving for academic research, which NHS England allows a
 * longer term than other agreements (TERM_EXCEEDS_MAXIMUM). Existing versions are not.
 */
export const migration009VersionArchiving: Migration = {
  version: 9,
  name: 'version-archiving-for-research',
  up(db) {
    db.exec('ALTER TABLE dsa_versions ADD COLUMN archiving_for_research INTEGER NOT NULL DEFAULT 0 CHECK (archiving_for_research IN (0, 1))');
  },
};
