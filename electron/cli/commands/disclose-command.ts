import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DisclosureInputError } from '../../../shared/disclosure/input-error';
import type { DisclosureReportHead } from '../../../shared/disclosure/report';
import { defaultTotalLabel, type NationalMarker } from '../../../shared/disclosure/table';
import { resolveProfile } from '../../disclosure/profile-files';
import { recordDisclosureExport } from '../../disclosure/record-export';
import { settleTemporaryFiles } from '../../files/settle-temporary-files';
import { loadReleases } from '../../disclosure/released-tables';
import type { ReleasedTable } from '../../../shared/disclosure/released-table';
import { currentOsUser } from '../../service-context';
import { CliError } from '../cli-error';
import { dbOption, type CliRuntime } from '../runtime';

interface DiscloseOptions {
  profile: string;
  output?: string;
  report?: string;
  internalReport?: string;
  national?: string;
  totalLabel: string[];
  sheet?: string;
  percentages?: boolean;
  force?: boolean;
  holding?: string;
  db?: string;
}

export function registerDisclose(program: Command, runtime: CliRuntime): void {
  dbOption(program.command('disclose'))
    .description(
      'protect a table (CSV, XLSX or Parquet) with a disclosure profile, check it with the attacker’s linear program, and write the published table; exit 1 if the audit refuses it, 2 for bad input',
    )
    .argument('<input>', 'the table: CSV (any delimiter; UTF-8 or Windows-1252), XLSX or Parquet')
    .requiredOption('--profile <id>', 'profile id (see "custodian profiles") or the path of a profile .json file')
    .option('--output <file>', 'where to write the published table (.csv or .xlsx; default: INPUT-published beside the input)')
    .option('--report <file>', 'also write the JSON disclosure report here: releasable with the table (every suppressed cell just "suppressed")')
    .option('--internal-report <file>', 'also write the internal report, with why each cell was suppressed: NOT for release')
    .option('--national <column=value>', 'rows whose COLUMN equals VALUE are national figures')
    .option('--total-label <text>', 'a label that marks totals; repeat it when dimensions use different words (--total-label Total --total-label All)', collect, [])
    .option('--sheet <name>', 'the sheet to read from an XLSX workbook')
    .option('--percentages', 'add each count column’s share of the Total column (wide tables), computed as the profile says')
    .option(
      '--holding <id-or-file-reference>',
      'the holding the table derives from (id or DARS file reference): audited together with the tables already released from it, and kept for the next',
    )
    .option('--force', 'replace the output or report if it already exists')
    .action(async (input: string, options: DiscloseOptions) => {
      const output = options.output ?? defaultOutputPath(input);
      for (const path of [output, options.report, options.internalReport]) {
        if (path && existsSync(path) && !options.force) {
          throw new CliError(`${path} already exists; choose another name or pass --force to replace it`);
        }
      }
      const holding = options.holding ? await findHolding(runtime, options.db, options.holding) : null;
      // The readers, writers and HiGHS load when a table is disclosed, not for every command.
      const [{ discloseFile }, { loadHighsSolver }] = await Promise.all([import('../../disclosure/disclose-file'), import('../../disclosure/highs-solver')]);
      let result;
      let recorded: number | null = null;
      try {
        const profile = resolveProfile(options.profile);
        result = await discloseFile({
          input: { kind: 'path', path: input },
          sheet: options.sheet,
          profile,
          tableOptions: { totalLabels: options.totalLabel.length > 0 ? options.totalLabel : [defaultTotalLabel], national: parseNational(options.national), percentages: Boolean(options.percentages) },
          output: { path: output, format: extname(output).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv' },
          reportPath: options.report ?? null,
          internalReportPath: options.internalReport ?? null,
          earlierReleases: holding?.releases ?? null,
          // Recorded before the table appears (issue 16): no published table without its audit entry.
          beforePublish: async (report, release) => {
            recorded = await recordInRegister(runtime, options.db, report, options.report ?? null, holding?.id ?? null, release, output);
          },
          loadSolver: loadHighsSolver,
          toolVersion: process.env.npm_package_version ?? '0.1.0',
        });
      } catch (error) {
        if (error instanceof DisclosureInputError) throw new CliError(`${input}: ${error.message}`, 2);
        throw error;
      }
      printSummary(runtime, result.report);
      if (result.refusal) {
        if (options.report) runtime.out(`Report (export refused): ${options.report}`);
        throw new CliError(`${result.refusal}; nothing was written. Use a profile with secondary suppression, or combine small categories`, 1);
      }
      runtime.out(`Wrote ${output} (SHA-256 ${result.report.output!.sha256})${options.report ? ` and the report ${options.report}` : ''}.`);
      if (options.internalReport) runtime.out(`Internal report (not for release): ${options.internalReport}`);
      if (recorded !== null) runtime.out(`Recorded in the register’s audit log (entry ${recorded}).`);
    });
}

const collect = (value: string, earlier: string[]) => [...earlier, value];

function defaultOutputPath(input: string): string {
  const extension = extname(input).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
  return join(dirname(input), `${basename(input, extname(input))}-published${extension}`);
}

export function parseNational(text: string | undefined): NationalMarker | null {
  if (text === undefined) return null;
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new CliError(`--national must be COLUMN=VALUE, e.g. --national area=England (got "${text}")`);
  return { column: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}

function printSummary(runtime: CliRuntime, report: DisclosureReportHead): void {
  const { summary, audit, profile } = report;
  runtime.out(`Profile ${profile.id} v${profile.version}: ${summary.rows} rows, ${summary.cells} cells.`);
  runtime.out(
    `  suppressed: ${summary.primarySuppressions ?? 0} primary, ${summary.complementarySuppressions ?? 0} complementary; rounded: ${summary.rounded}; totals recomputed: ${summary.totalsRecomputed}; national (exact): ${summary.nationalExact}`,
  );
  if (summary.complementaryMethod) {
    const bound = summary.complementaryLowerBound;
    const proved = bound === null || bound === undefined ? 'no lower bound proved' : bound === summary.complementarySuppressions ? 'the proven minimum' : `at least ${bound} needed`;
    runtime.out(`  complementary cells: ${summary.complementarySuppressions ?? 0}, ${proved} (${summary.complementaryMethod} method)`);
  }
  const fewest = audit.fewestPossibleValues === null ? 'no suppressed cells' : `fewest possible values ${audit.fewestPossibleValues}`;
  runtime.out(
    `  attacker’s audit: ${audit.status} (${audit.primaryCellsChecked} primary cells, ${fewest}, protection width ${audit.protectionWidth}${audit.solver ? `; ${audit.solverCalls} linear and integer programs, ${audit.solver}` : ''})`,
  );
  for (const release of audit.linkedReleases) {
    runtime.out(
      release.linked
        ? `  audited with the earlier release ${release.name} from the same holding`
        : `  not linked to the earlier release ${release.name}: its margins cannot be the same records as this table's`,
    );
  }
}

/** Every export goes into the register's audit log when there is a register to write to. */
/** The holding named by id or DARS file reference, with the tables already released from it. */
async function findHolding(runtime: CliRuntime, db: string | undefined, reference: string): Promise<{ id: string; releases: ReleasedTable[] }> {
  const path = runtime.databasePath(db);
  if (!existsSync(path)) throw new CliError(`--holding needs the register: none at ${path} (pass --db to choose one)`);
  return runtime.withDatabase(db, { create: false }, (opened) => {
    const matches = opened.db
      .prepare('SELECT id, dars_file_reference AS reference FROM holdings WHERE (id = ? OR dars_file_reference = ?) AND archived = 0')
      .all(reference, reference) as { id: string; reference: string }[];
    if (matches.length === 0) throw new CliError(`--holding: no holding has the id or DARS file reference "${reference}"`);
    if (matches.length > 1) {
      throw new CliError(`--holding: ${matches.length} holdings have the DARS file reference "${reference}"; give the holding's id (${matches.map((m) => m.id).join(', ')})`);
    }
    return { id: matches[0]!.id, releases: loadReleases(opened.db, matches[0]!.id) };
  });
}

async function recordInRegister(
  runtime: CliRuntime,
  db: string | undefined,
  report: DisclosureReportHead,
  reportFile: string | null,
  holdingId: string | null,
  release: ReleasedTable | null,
  outputPath: string,
): Promise<number | null> {
  const path = runtime.databasePath(db);
  if (!existsSync(path)) {
    runtime.io.stderr(`custodian: note: the export was not recorded in an audit log: no register at ${path} (pass --db to choose one)\n`);
    return null;
  }
  const entry = await runtime.withDatabase(db, { create: false }, (opened) => {
    // A run killed between its record and its rename left a recorded table under a temporary name:
    // finish it now (or remove what a killed run never recorded).
    settleTemporaryFiles(opened.db, dirname(outputPath));
    return recordDisclosureExport(opened.db, { now: () => new Date(), osUser: currentOsUser() }, report, {
      reportFile: reportFile ? basename(reportFile) : null,
      holdingId,
    }, release);
  });
  return entry.seq;
}
