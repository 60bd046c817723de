import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { DisclosureInputError } from '../../../shared/disclosure/input-error';
import { defaultTotalLabel } from '../../../shared/disclosure/table';
import { checkOutputPaths } from '../../disclosure/output-paths';
import { resolveProfile } from '../../disclosure/profile-files';
import { CliError } from '../cli-error';
import type { CliRuntime } from '../runtime';

interface TabulateOptions {
  rows: string;
  cols?: string;
  output: string;
  profile?: string;
  report?: string;
  totalLabel: string;
  force?: boolean;
}

export function registerTabulate(program: Command, runtime: CliRuntime): void {
  program
    .command('tabulate')
    .description('count a record-level CSV or Parquet file by row (and column) variables, with Total margins; protect it at once with --profile')
    .argument('<input>', 'record-level CSV or Parquet: one row per person or event')
    .requiredOption('--rows <columns>', 'row variables, comma-separated (e.g. region,sex)')
    .option('--cols <column>', 'one column variable: gives a wide table with a Total column')
    .requiredOption('--output <file>', 'where to write the table (.csv or .xlsx)')
    .option('--profile <id>', 'protect the table with this profile before writing it (then the attacker’s audit runs)')
    .option('--report <file>', 'with --profile: also write the JSON disclosure report')
    .option('--total-label <text>', 'the label for totals', defaultTotalLabel)
    .option('--force', 'replace the output or report if it already exists')
    .action(async (input: string, options: TabulateOptions) => {
      for (const path of [options.output, options.report]) {
        if (path && existsSync(path) && !options.force) {
          throw new CliError(`${path} already exists; choose another name or pass --force to replace it`);
        }
      }
      if (options.report && !options.profile) throw new CliError('--report needs --profile: an unprotected table has no disclosure report');
      const format = extname(options.output).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
      // The readers, writers and HiGHS load when a table is counted, not for every command.
      const [{ discloseFile }, { loadHighsSolver }, { tabulate, tabulationInput }, { writeUnprotectedTable }] = await Promise.all([
        import('../../disclosure/disclose-file'),
        import('../../disclosure/highs-solver'),
        import('../../disclosure/tabulate'),
        import('../../disclosure/write/write-table'),
      ]);
      try {
        checkOutputPaths(input, options.output, options.report ?? null);
        const profile = options.profile ? resolveProfile(options.profile) : null;
        const tabulation = await tabulate({
          input: { kind: 'path', path: input },
          rows: options.rows.split(',').map((s) => s.trim()).filter(Boolean),
          column: options.cols?.trim() || null,
          totalLabel: options.totalLabel,
        });
        runtime.out(`Counted ${tabulation.records} records into ${tabulation.table.rows.length} rows.`);
        if (!profile) {
          await writeUnprotectedTable(options.output, format, tabulation.table);
          runtime.out(`Wrote ${options.output}. These counts are NOT protected: run "custodian disclose ${options.output} --profile ID" before they leave.`);
          return;
        }
        const result = await discloseFile({
          input: tabulationInput(basename(input), tabulation),
          profile,
          tableOptions: { totalLabels: [options.totalLabel], national: null },
          output: { path: options.output, format },
          reportPath: options.report ?? null,
          loadSolver: loadHighsSolver,
          toolVersion: process.env.npm_package_version ?? '0.1.0',
        });
        const { summary, audit } = result.report;
        runtime.out(
          `Protected with ${profile.id}: ${summary.primarySuppressions ?? 0} primary and ${summary.complementarySuppressions ?? 0} complementary suppressions; attacker’s audit ${audit.status}.`,
        );
        if (result.refusal) throw new CliError(`${result.refusal}; nothing was written`, 1);
        runtime.out(`Wrote ${options.output}${options.report ? ` and the report ${options.report}` : ''}.`);
      } catch (error) {
        if (error instanceof DisclosureInputError) throw new CliError(`${input}: ${error.message}`, 2);
        throw error;
      }
    });
}
