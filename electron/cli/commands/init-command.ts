import type { Command } from 'commander';
import { dbOption, type CliRuntime } from '../runtime';

export function registerInit(program: Command, runtime: CliRuntime): void {
  dbOption(program.command('init'))
    .description('create the register, or bring an existing one up to the current schema')
    .action(async (options: { db?: string }) => {
      await runtime.withDatabase(options.db, { create: true }, (opened) => {
        if (opened.created) runtime.out(`Created register ${opened.path} (schema ${opened.schemaVersion}).`);
        else if (opened.migratedFrom < opened.schemaVersion)
          runtime.out(`Migrated register ${opened.path} from schema ${opened.migratedFrom} to ${opened.schemaVersion}.`);
        else runtime.out(`Register ${opened.path} is up to date (schema ${opened.schemaVersion}).`);
      });
    });
}
