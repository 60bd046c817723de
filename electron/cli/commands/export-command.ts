import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultExportFileName } from '../../../shared/exports/export-file-name';
import type { ExportKind } from '../../../shared/exports/exports-api';
import type { ExportRequest } from '../../exports/run-export';
import { currentOsUser } from '../../service-context';
import { AS_OF_FLAGS, AS_OF_HELP, parseAsOf } from '../as-of-option';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { dbOption, type CliRuntime } from '../runtime';

/**
 * `custodian export findings|holdings FILE.xlsx|FILE.csv`, `custodian export deadlines FILE.ics` and
 * `custodian report holdings|audit-readiness --output FILE.pdf|FILE.xlsx`: written atomically, recorded in the audit
 * log with the file's SHA-256 (see electron/exports/run-export.ts).
 */
export function registerExports(program: Command, runtime: CliRuntime): void {
  const exports = commandGroup(program, 'export', 'write the register, or parts of it, to files');

  dbOption(exports.command('findings'))
    .description('write the compliance findings to FILE.xlsx or FILE.csv')
    .argument('<file>', 'the file to write; .xlsx or .csv')
    .option(AS_OF_FLAGS, AS_OF_HELP)
    .action((file: string, options: { db?: string; asOf?: string }) => run(runtime, 'findings', file, options));

  dbOption(exports.command('holdings'))
    .description('write every holding with each copy and its location to FILE.xlsx or FILE.csv')
    .argument('<file>', 'the file to write; .xlsx or .csv')
    .option('--dsa <nic>', 'only the holdings of this agreement (NIC reference, e.g. DARS-NIC-00574-V2H1F)')
    .option(AS_OF_FLAGS, 'judge which copies are live and approved on this date (default: today)')
    .action((file: string, options: { db?: string; asOf?: string; dsa?: string }) => run(runtime, 'holdings', file, options));

  dbOption(exports.command('deadlines'))
    .description('write the coming deadlines to FILE.ics (iCalendar: all-day events for Outlook, Google Calendar…)')
    .argument('<file>', 'the file to write; .ics')
    .option(AS_OF_FLAGS, 'the first day to include (default: today)')
    .option('--days <n>', 'how many days ahead to include (default 1096, three years)')
    .action((file: string, options: { db?: string; asOf?: string; days?: string }) => run(runtime, 'deadlines', file, options));

  const reports = commandGroup(program, 'report', 'write reports for auditors');
  dbOption(reports.command('holdings'))
    .description('write the holdings audit report (per version: datasets, holdings, every copy and its location, findings)')
    .option('--output <file>', 'the report to write (.pdf or .xlsx), or a folder for the default name (default: holdings-audit-report[-NIC]-DATE.pdf here)')
    .option('--dsa <nic>', 'only this agreement (NIC reference); the whole register by default')
    .option(AS_OF_FLAGS, AS_OF_HELP)
    .action((options: { db?: string; asOf?: string; dsa?: string; output?: string }) => run(runtime, 'holdingsReport', reportPath('holdingsReport', options), options));
  dbOption(reports.command('audit-readiness'))
    .description('write the audit-readiness report: every finding as agreement nonconformity, observation or opportunity for improvement, with the action plan')
    .option('--output <file>', 'the report to write (.pdf or .xlsx), or a folder for the default name (default: audit-readiness-report-DATE.pdf here)')
    .option(AS_OF_FLAGS, AS_OF_HELP)
    .action((options: { db?: string; asOf?: string; output?: string }) => run(runtime, 'auditReadiness', reportPath('auditReadiness', options), options));
}

async function run(runtime: CliRuntime, what: ExportKind, file: string, options: { db?: string; asOf?: string; dsa?: string; days?: string }): Promise<void> {
  const request: ExportRequest = {
    what,
    path: file,
    asOf: parseAsOf(options.asOf, new Date()),
    ...(options.dsa ? { agreement: { nicReference: options.dsa } } : {}),
    ...(options.days !== undefined ? { days: parseDays(options.days) } : {}),
  };
  const actor = { now: () => new Date(), osUser: currentOsUser() };
  // The spreadsheet and PDF writers (exceljs, pdfkit) load only when a file is written.
  const { runExport } = await import('../../exports/run-export');
  const result = await runtime.withDatabase(options.db, { create: false }, (opened) => runExport(opened.db, actor, opened.path, request));
  runtime.out(`Wrote ${result.path} (${result.format.toUpperCase()}, SHA-256 ${result.sha256}).`);
}

/**
 * Where `report holdings` and `report audit-readiness` write: the file given, or the default name (carrying the NIC reference of
 * the agreement reported on, as the app's save dialog suggests) in the folder given or the current one.
 */
function reportPath(what: 'holdingsReport' | 'auditReadiness', options: { asOf?: string; dsa?: string; output?: string }): string {
  const folder = options.output === undefined ? process.cwd() : isFolder(options.output) ? options.output : null;
  if (folder === null) return options.output!;
  const nicReference = options.dsa === undefined ? null : options.dsa.trim().toUpperCase();
  return join(folder, defaultExportFileName(what, 'pdf', parseAsOf(options.asOf, new Date()), nicReference));
}

const isFolder = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

function parseDays(text: string): number {
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new CliError(`--days must be a whole number from 1 to 3660, not "${text}"`);
  return days;
}
