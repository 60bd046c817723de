import type { Command } from 'commander';
import { checkIntegrity } from '../../db/integrity';
import { latestSchemaVersion } from '../../db/migrations';
import { CliError } from '../cli-error';
import { dbOption, type CliRuntime } from '../runtime';

export function registerCheck(program: Command, runtime: CliRuntime): void {
  dbOption(program.command('check'))
    .description('check the register’s integrity and schema version (exit 1 if a problem is found)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const report = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => ({
        path: opened.path,
        schemaVersion: opened.schemaVersion,
        latestSchemaVersion,
        ...checkIntegrity(opened.db),
      }));
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
      if (!report.ok) throw new CliError('the register failed its integrity check', 1);
      if (!upToDate) throw new CliError('the register needs migrating: run "custodian init"', 1);
    });
}
