import type { RegisterConnection } from './register-connection';

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  foreignKeyViolations: number;
}

/** `PRAGMA integrity_check` plus foreign-key violations, which integrity_check does not look at. */
export function checkIntegrity(db: RegisterConnection): IntegrityReport {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
  const violations = db.pragma('foreign_key_check') as unknown[];
  return { ok: problems.length === 0 && violations.length === 0, problems, foreignKeyViolations: violations.length };
}
