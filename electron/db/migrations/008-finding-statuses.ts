import type { Migration } from './migration';

/**
 * Finding statuses (shared/findings/finding-status.ts). A finding has no row of its own (findings
 * are computed from the register), so the decision is kept by its stable id. Open is no row: the
 * default needs nothing stored, and reopening deletes the row (the audit log keeps what it said).
 * `fingerprint` is the hash of the facts the decision was taken on; when the finding computed today
 * hashes differently, the decision no longer applies (computed on reading, never written back).
 */
const schema = `
CREATE TABLE finding_statuses (
  finding_id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('acknowledged', 'risk-accepted')),
  fingerprint TEXT NOT NULL,
  owner TEXT,
  target_date TEXT,
  reason TEXT,
  review_date TEXT,
  accepted_by TEXT,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL,
  CHECK (state <> 'acknowledged' OR (owner IS NOT NULL AND target_date IS NOT NULL)),
  CHECK (state <> 'risk-accepted' OR (reason IS NOT NULL AND review_date IS NOT NULL AND accepted_by IS NOT NULL))
) STRICT;
`;

export const migration008FindingStatuses: Migration = {
  version: 8,
  name: 'finding-statuses',
  up(db) {
    db.exec(schema);
  },
};
