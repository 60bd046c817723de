import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { backupDatabase } from '../../db/backup';
import { CliError } from '../cli-error';
import { dbOption, type CliRuntime } from '../runtime';

export function registerBackup(program: Command, runtime: CliRuntime): void {
  dbOption(program.command('backup'))
    .description('write a consistent copy of the register to FILE, safe while the app is running')
    .argument('<file>', 'where to write the backup')
    .option('--force', 'replace FILE if it already exists')
    .action(async (file: string, options: { db?: string; force?: boolean }) => {
      if (existsSync(file) && !options.force) {
        throw new CliError(`${file} already exists; choose another name or pass --force to replace it`);
      }
      await runtime.withDatabase(options.db, { create: false, migrate: false }, async (opened) => {
        if (!opened.sqlite) {
          throw new CliError('backup copies an SQLite register file; back a PostgreSQL register up with pg_dump, or copy it to a file with "custodian copy-register"');
        }
        const { pages } = await backupDatabase(opened.sqlite, opened.path, file);
        runtime.out(`Backed up ${opened.path} to ${file} (${pages} pages).`);
      });
    });
}
