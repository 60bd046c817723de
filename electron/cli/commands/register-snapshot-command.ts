import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import { oneLine } from '../../../shared/text/one-line';
import { firstInvalidUtf8 } from '../../../shared/text/utf8';
import { currentOsUser } from '../../service-context';
import type { AuditActor } from '../../register/audit-log';
import { RecordRejected } from '../../register/record-issue';
import { exportRegisterSnapshot, countsOf } from '../../register/snapshot-export';
import { importRegisterSnapshot } from '../../register/snapshot-import';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { dbOption, type CliRuntime } from '../runtime';

const cliActor = (): AuditActor => ({ now: () => new Date(), osUser: currentOsUser() });

/**
 * The snapshot's JSON. Invalid UTF-8 is refused, not replaced: a snapshot is written as UTF-8, so a
 * bad byte means a damaged or foreign file, and silently turning it into U+FFFD would import
 * different names than the file holds. Nothing from the file reaches the terminal unfiltered.
 */
function readJson(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
    throw new CliError(`cannot read ${file}: ${reason}`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== null) {
    throw new CliError(`${file} is not UTF-8 text (byte ${bad + 1} is not valid UTF-8): a snapshot is the UTF-8 JSON "custodian export register" writes; nothing was imported`);
  }
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${file} is not valid JSON (${oneLine((error as Error).message, 120)}); nothing was imported`);
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
          if (error instanceof RecordRejected) throw new CliError(`${file}: ${oneLine(error.message, 300)}; nothing was imported`);
          // Its message may quote values from the file: filtered like everything else from it.
          if (error instanceof UserFacingError) throw new CliError(oneLine(error.message, 400));
          throw error;
        }
      });
      runtime.out(`Imported ${file}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.`);
    });
}
