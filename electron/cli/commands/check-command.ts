import type { Command } from 'commander';
import { corruptionOf, restoreAdvice } from '../../db/corruption';
import { checkIntegrity } from '../../db/integrity';
import { latestSchemaVersion } from '../../db/migrations';
import { CliError } from '../cli-error';
import { dbOption, type CliRuntime } from '../runtime';

export function registerCheck(program: Command, runtime: CliRuntime): void {
  dbOption(program.command('check'))
    .description('check the register’s integrity and schema version (exit 1 if a problem is found)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      let report;
      try {
        report = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => ({
          path: opened.path,
          schemaVersion: opened.schemaVersion,
          latestSchemaVersion,
          ...checkIntegrity(opened.db),
        }));
      } catch (error) {
        // Damage so bad SQLite cannot even read the schema is what check is for: report it as a finding.
        const damage = corruptionOf(error);
        if (damage === null) throw error;
        const path = runtime.databasePath(options.db);
        if (options.json) runtime.out(JSON.stringify({ path, ok: false, damaged: true, problems: [damage] }, null, 2));
        else {
          runtime.out(`Register: ${path}`);
          runtime.out(`Integrity: DAMAGED (${damage})`);
        }
        throw new CliError(`the register file is damaged (${damage}); ${restoreAdvice(path)}`, 1);
      }
      const upToDate = report.schemaVersion === latestSchemaVersion;
      if (options.json) runtime.out(JSON.stringify({ ...report, upToDate }, null, 2));
      else {
        runtime.out(`Register: ${report.path}`);
        runtime.out(
          `Schema: ${report.schemaVersion}${upToDate ? ' (current)' : ` (current is ${latestSchemaVersion}: run "custodian init" to migrate)`}`,
        );
        runtime.out(`Integrity: ${report.ok ? 'ok' : 'PROBLEMS FOUND'}`);
        for (const problem of report.problems) runtime.out(`  ${problem}`);
        if (report.foreignKeyViolations > 0) runtime.out(`  ${report.foreignKeyViolations} broken reference(s)`);
      }
      if (!report.ok) throw new CliError(`the register failed its integrity check; ${restoreAdvice(report.path)}`, 1);
      if (!upToDate) throw new CliError('the register needs migrating: run "custodian init"', 1);
    });
}
