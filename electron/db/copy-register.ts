import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserFacingError } from '../../shared/ipc/result';
import { copyEvidenceFiles } from '../destruction/copy-evidence-files';
import { allCertificateContents } from '../destruction/destruction-store';
import { verifyCertificate } from '../destruction/verify-certificate';
import { verifyAuditChain } from '../register/audit-verify';
import { latestSchemaVersion } from './migrations';
import type { OpenedDatabase } from './open-database';
import { registerStore, type RegisterConnection } from './register-connection';
import { rowCount, storedTables, type StoredTable } from './register-tables';

export interface CopyReport {
  tables: { name: string; rows: number }[];
  auditEntries: number;
  auditHead: { seq: number; hash: string } | null;
  certificatesVerified: number;
  /** Evidence files copied to the target's data folder (when it is another folder), or already there. */
  evidence: { copied: number; alreadyThere: number };
  /** Problems found by the checks after the copy (none when it is good). */
  problems: string[];
}

/** Rows read and written per statement: few round trips to PostgreSQL, bounded memory. */
const BATCH = 200;

/**
 * Copies a whole register (every table: records, audit log and its head, destruction records and
 * evidence hashes, certificates and their contents, incidents, settings, disclosure releases) into
 * an empty register in the other store, or the same one. The rows go in one transaction on the
 * target, and before it commits the copy is checked: the same number of rows in every table, and
 * an audit chain that verifies with the source's head. A failed check rolls the copy back, so the
 * target is left as empty as it was. After the commit the evidence files go to the target's data
 * folder (when that is another folder), and every certificate is verified against the copy as it
 * verifies against the source.
 */
export async function copyRegister(source: OpenedDatabase, target: OpenedDatabase): Promise<CopyReport> {
  if (source.schemaVersion < latestSchemaVersion) {
    throw new UserFacingError('BAD_REQUEST', `${source.path} is at schema ${source.schemaVersion}: run "custodian init --db ${source.path}" to bring it to ${latestSchemaVersion} first.`);
  }
  const sourceTables = storedTables(source.db);
  const targetTables = new Map(storedTables(target.db).map((t) => [t.name, t]));
  const occupied = [...targetTables.values()].map((t) => ({ name: t.name, rows: rowCount(target.db, t.name) })).filter((t) => t.rows > 0);
  if (occupied.length > 0) {
    throw new UserFacingError(
      'CONFLICT',
      `${target.path} is not empty (${occupied.map((t) => `${t.rows} in ${t.name}`).join(', ')}); copy-register writes only into a new or empty register, so nothing was copied.`,
    );
  }
  for (const table of sourceTables) {
    const into = targetTables.get(table.name);
    const missing = into ? table.columns.filter((c) => !into.columns.includes(c)) : ['(the whole table)'];
    if (missing.length > 0) throw new UserFacingError('BAD_REQUEST', `${target.path} has no ${table.name}.${missing.join(', ')}: bring it to schema ${latestSchemaVersion} with "custodian init" first.`);
  }

  const sourceChain = verifyAuditChain(source.db);
  const report: CopyReport = { tables: [], auditEntries: sourceChain.entries, auditHead: sourceChain.head, certificatesVerified: 0, evidence: { copied: 0, alreadyThere: 0 }, problems: [] };
  target.db.transaction(() => {
    // References are checked at commit, so tables go in any order (both stores defer them).
    target.db.pragma('defer_foreign_keys = ON');
    for (const table of sourceTables) report.tables.push({ name: table.name, rows: copyTable(source.db, target.db, table) });
    if (registerStore(target.db) === 'postgres') {
      // Identity columns given explicit values do not move their sequence: move it past them.
      target.db.exec("SELECT setval(pg_get_serial_sequence('disclosure_releases', 'id'), coalesce((SELECT max(id) FROM disclosure_releases), 0) + 1, false)");
    }
    const problems = checkCopy(source.db, target.db, sourceTables, sourceChain);
    if (problems.length > 0) throw new UserFacingError('DATABASE', `The copy did not match its source, so it was undone: ${problems.join('; ')}`);
  })();

  const evidence = copyEvidenceFiles(target.db, source.dataDir, target.dataDir);
  report.evidence = { copied: evidence.copied, alreadyThere: evidence.alreadyThere };
  report.problems.push(...evidence.problems);
  const checked = await checkCertificates(source.db, target.db);
  report.certificatesVerified = checked.verified;
  report.problems.push(...checked.problems);
  return report;
}

function copyTable(from: RegisterConnection, to: RegisterConnection, table: StoredTable): number {
  const columns = table.columns.join(', ');
  const read = from.prepare(`SELECT ${columns} FROM ${table.name} ORDER BY ${table.orderBy} LIMIT ? OFFSET ?`).raw(true);
  const row = `(${table.columns.map(() => '?').join(', ')})`;
  let copied = 0;
  for (;;) {
    const rows = read.all(BATCH, copied) as unknown[][];
    if (rows.length === 0) return copied;
    to.prepare(`INSERT INTO ${table.name} (${columns}) VALUES ${rows.map(() => row).join(', ')}`).run(...rows.flat());
    copied += rows.length;
  }
}

function checkCopy(source: RegisterConnection, target: RegisterConnection, tables: readonly StoredTable[], sourceChain: ReturnType<typeof verifyAuditChain>): string[] {
  const problems: string[] = [];
  for (const table of tables) {
    const [from, to] = [rowCount(source, table.name), rowCount(target, table.name)];
    if (from !== to) problems.push(`${table.name} has ${to} rows, the source ${from}`);
  }
  const chain = verifyAuditChain(target);
  if (!chain.intact) problems.push(`the copied audit log is broken: ${chain.problem?.message}`);
  if (chain.head?.hash !== sourceChain.head?.hash) problems.push(`the copied audit log ends at ${chain.head?.seq ?? 'nothing'}, the source's at ${sourceChain.head?.seq ?? 'nothing'}`);
  return problems;
}

/** Each certificate, as the register stored it at issue, verified against both registers: the verdicts must agree. */
async function checkCertificates(source: RegisterConnection, target: RegisterConnection): Promise<{ verified: number; problems: string[] }> {
  const contents = allCertificateContents(target);
  const dir = mkdtempSync(join(tmpdir(), 'custodian-copy-check-'));
  const problems: string[] = [];
  try {
    for (const content of contents.values()) {
      const file = join(dir, `${content.certificateId}.json`);
      writeFileSync(file, content.canonicalJson);
      const [before, after] = [await verifyCertificate(source, file), await verifyCertificate(target, file)];
      if (after.genuine !== before.genuine || after.problems.join('\n') !== before.problems.join('\n')) {
        problems.push(`certificate ${after.certificateNumber ?? content.certificateId} verifies differently in the copy: ${after.problems.join('; ') || 'genuine'}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { verified: contents.size, problems };
}
