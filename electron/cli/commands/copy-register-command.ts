import type { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { CliError } from '../cli-error';
import type { CliRuntime } from '../runtime';

/** The files SQLite keeps beside a register it created. */
const sqliteFiles = (path: string) => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];

export function registerCopyRegister(program: Command, runtime: CliRuntime): void {
  program
    .command('copy-register')
    .description('copy a whole register, audit log and certificates included, between SQLite and PostgreSQL into an empty register, and check the copy')
    .argument('<from>', 'the register to copy: an SQLite file or a postgres:// URL')
    .argument('<to>', 'an empty register, a new SQLite file or a postgres:// URL')
    .option('--json', 'print the result as JSON')
    .action(async (from: string, to: string, options: { json?: boolean }) => {
      const [{ openDatabase }, { copyRegister }, { isPostgresLocation }] = await Promise.all([
        import('../../db/open-database'),
        import('../../db/copy-register'),
        import('../../db/postgres/postgres-location'),
      ]);
      const source = openDatabase(from, { create: false, readonly: true });
      const newFile = !isPostgresLocation(to) && !existsSync(to);
      let target;
      try {
        target = openDatabase(to, { create: true });
      } catch (error) {
        source.db.close();
        throw error;
      }
      let report;
      try {
        report = await copyRegister(source, target);
      } catch (error) {
        target.db.close();
        source.db.close();
        // A file this command created and could not fill is not left behind looking like a register.
        if (newFile) for (const file of sqliteFiles(to)) rmSync(file, { force: true });
        throw error;
      }
      target.db.close();
      source.db.close();
      if (options.json) runtime.out(JSON.stringify({ from: source.path, to: target.path, ...report }, null, 2));
      else {
        runtime.out(`Copied ${source.path} to ${target.path}:`);
        for (const table of report.tables.filter((t) => t.rows > 0)) runtime.out(`  ${table.name.padEnd(24)} ${table.rows}`);
        runtime.out(`Rows in every table equal the source's; audit log intact: ${report.auditEntries} entries, head ${report.auditHead ? `${report.auditHead.seq}:${report.auditHead.hash}` : 'none'}.`);
        runtime.out(`Evidence files copied to ${target.dataDir}: ${report.evidence.copied} (${report.evidence.alreadyThere} already there).`);
        runtime.out(`Certificates verified against the copy as against the source: ${report.certificatesVerified}.`);
        for (const problem of report.problems) runtime.out(`  PROBLEM: ${problem}`);
      }
      if (report.problems.length > 0) throw new CliError(`the copy differs from its source: ${report.problems[0]}`, 1);
    });
}
