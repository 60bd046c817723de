import type { RegisterConnection } from '../db/register-connection';
import type { AuditAnchor } from '../../shared/audit/audit-anchor';

/**
 * The audit chain's head as the log holds it now: the newest entry's number and hash, or null for
 * an empty log. Documents that leave the organisation (certificates, reports) carry it, so each is
 * an anchor `audit verify --expect` can check the register against later.
 */
export function readAuditHead(db: RegisterConnection): AuditAnchor | null {
  const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditAnchor | undefined;
  return row ? { seq: row.seq, hash: row.hash } : null;
}
