import type { RegisterConnection } from '../db/register-connection';
import { releasedTableSchema, type ReleasedTable } from '../../shared/disclosure/released-table';

/**
 * The register's record of tables released from each holding (migration 005), read back to audit a
 * new table from the same holding together with them.
 */
export function loadReleases(db: RegisterConnection, holdingId: string): ReleasedTable[] {
  const rows = db.prepare('SELECT release_json AS json FROM disclosure_releases WHERE holding_id = ? ORDER BY id').all(holdingId) as { json: string }[];
  return rows.map((row) => releasedTableSchema.parse(JSON.parse(row.json)));
}

/** Called inside the transaction that records the export's audit entry. */
export function saveRelease(db: RegisterConnection, holdingId: string, auditSeq: number, outputSha256: string, release: ReleasedTable): void {
  db.prepare(
    'INSERT INTO disclosure_releases (holding_id, audit_seq, created_at, name, output_sha256, release_json) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(holdingId, auditSeq, new Date().toISOString(), release.name, outputSha256, JSON.stringify(releasedTableSchema.parse(release)));
}
