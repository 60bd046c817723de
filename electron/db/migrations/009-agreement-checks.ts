import type { Migration } from './migration';

/**
 * Two facts the agreement checks auditors make need (issue 14):
 * - whether a DSA version's processing is archiving for academic research, which NHS England allows
 *   a longer term than other agreements (TERM_EXCEEDS_MAXIMUM); existing versions are not;
 * - the provider that hosts a location when that is not its operator (a cloud service behind a
 *   processor), which must be a party too (UNDECLARED_SUBPROCESSOR); existing locations name none.
 */
export const migration009AgreementChecks: Migration = {
  version: 9,
  name: 'agreement-checks',
  up(db) {
    db.exec(`
ALTER TABLE dsa_versions ADD COLUMN archiving_for_research INTEGER NOT NULL DEFAULT 0 CHECK (archiving_for_research IN (0, 1));
ALTER TABLE locations ADD COLUMN hosted_by_organisation_id TEXT REFERENCES organisations(id) ON DELETE RESTRICT;
CREATE INDEX locations_by_host ON locations (hosted_by_organisation_id) WHERE hosted_by_organisation_id IS NOT NULL;
`);
  },
};
