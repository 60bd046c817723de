import type { Command } from 'commander';
import { durImportKinds, type DurImportSummary } from '../../../shared/imports/imports-api';
import { currentOsUser } from '../../service-context';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { dbOption, type CliRuntime } from '../runtime';

const kindNames: Record<(typeof durImportKinds)[number], string> = {
  organisation: 'Organisations',
  dsa: 'Agreements',
  dsaVersion: 'Versions',
  dataset: 'Datasets',
  holding: 'Holdings',
};

/**
 * `custodian import dur FILE...`: NHS England's Data Uses Register into the register, in one
 * transaction (see electron/imports/dur/import-dur.ts). A problem in the file is exit 2 with one
 * line naming the sheet, row and column, and the register is left as it was.
 */
export function registerImportDur(program: Command, runtime: CliRuntime): void {
  const group = commandGroup(program, 'import', 'import records into the register');
  dbOption(group.command('dur'))
    .description('import NHS England’s Data Uses Register: the .xlsx workbook, its sheets saved as .csv, or a folder of them')
    .argument('<files...>', 'the workbook, or Agreements.csv / Datasets.csv / DataReleases.csv, or a folder holding them')
    .option('--organisation <name>', 'import only agreements whose applicant or a data controller has this legal name')
    .option('--json', 'print the summary as JSON')
    .action(async (files: string[], options: { db?: string; organisation?: string; json?: boolean }) => {
      const actor = { now: () => new Date(), osUser: currentOsUser() };
      // The workbook reader (exceljs) loads only when this command runs.
      const [{ importDur }, { DurImportError }] = await Promise.all([import('../../imports/dur/import-dur'), import('../../imports/dur/dur-import-error')]);
      const summary = await runtime.withDatabase(options.db, { create: false }, async (opened) => {
        try {
          return await importDur(opened.db, actor, files, options.organisation ? { organisation: options.organisation } : {});
        } catch (error) {
          if (error instanceof DurImportError) throw new CliError(`${error.message}; nothing was imported`, 2);
          throw error;
        }
      });
      if (options.json) runtime.out(JSON.stringify(summary, null, 2));
      else printSummary(runtime, summary, options.organisation);
    });
}

function printSummary(runtime: CliRuntime, summary: DurImportSummary, organisation: string | undefined): void {
  runtime.out(`Imported the Data Uses Register from ${summary.files.join(', ')} (sheets: ${summary.sheetsRead.join(', ')}).`);
  for (const kind of durImportKinds) {
    const c = summary.counts[kind];
    runtime.out(`  ${kindNames[kind].padEnd(14)} ${String(c.created).padStart(6)} created ${String(c.updated).padStart(6)} updated ${String(c.unchanged).padStart(6)} unchanged`);
  }
  if (summary.rowsSkipped > 0) runtime.out(`  ${summary.rowsSkipped} rows of other organisations' agreements skipped.`);
  const touched = durImportKinds.some((kind) => summary.counts[kind].created + summary.counts[kind].updated + summary.counts[kind].unchanged > 0);
  if (!touched) runtime.out(organisation ? `  No agreement names ${organisation}; check the name as the Data Uses Register spells it.` : '  The Agreements sheet has no rows.');
}
