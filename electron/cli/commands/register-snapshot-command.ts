import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { currentOsUser } from '../../service-context';
import type { AuditActor } from '../../register/audit-log';
import { RecordRejected } from '../../register/record-issue';
import { exportRegisterSnapshot, countsOf } from '../../register/snapshot-export';
import { importRegisterSnapshot } from '../../register/snapshot-import';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { dbOption, type CliRuntime } from '../runtime';

const cliActor = (): AuditActor => ({ now: () => new Date(), osUser: currentOsUser() });

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${reason}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${file} is not valid JSON (${(error as Error).message}); nothing was imported`);
  }
}

/** `custodian export register FILE` and `custodian import register FILE`: the whole register as JSON. */
export function registerRegisterSnapshot(program: Command, runtime: CliRuntime): void {
  const exportGroup = commandGroup(program, 'export', 'write part of the register to a file');
  dbOption(exportGroup.command('register'))
    .description('write the whole register to FILE as a JSON snapshot (see docs/register-snapshot.md)')
    .argument('<file>', 'where to write the snapshot')
    .option('--force', 'replace FILE if it already exists')
    .action(async (file: string, options: { db?: string; force?: boolean }) => {
      if (existsSync(file) && !options.force) {
        throw new CliError(`${file} already exists; choose another name or pass --force to replace it`);
      }
      const snapshot = await runtime.withDatabase(options.db, { create: false }, (opened) =>
        exportRegisterSnapshot(opened.db, cliActor(), file),
      );
      const counts = countsOf(snapshot);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      runtime.out(`Exported ${total} records to ${file} (${counts.versions} DSA versions, ${counts.holdings} holdings, ${counts.copies} copies).`);
    });

  const importGroup = commandGroup(program, 'import', 'read records into the register from a file');
  dbOption(importGroup.command('register'))
    .description('merge a JSON snapshot into the register by id, in one transaction (nothing is written if any record is refused)')
    .argument('<file>', 'a snapshot written by "custodian export register"')
    .action(async (file: string, options: { db?: string }) => {
      const value = readJson(file);
      const summary = await runtime.withDatabase(options.db, { create: false }, (opened) => {
        try {
          return importRegisterSnapshot(opened.db, cliActor(), value, basename(file));
        } catch (error) {
          if (error instanceof RecordRejected) throw new CliError(`${file}: ${error.message}; nothing was imported`);
          throw error;
        }
      });
      runtime.out(`Imported ${file}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.`);
    });
}
