import type { Command } from 'commander';
import type { OpenedDatabase, OpenOptions } from '../db/open-database';
import { resolveDatabasePath } from '../paths';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Everything on standard input, for `--json -`; read only when asked for. */
  stdin?: () => Promise<string>;
}

/** What every command receives: where to write, and how to find and open the register. */
export class CliRuntime {
  constructor(readonly io: CliIo) {}

  databasePath(flag: string | undefined): string {
    return resolveDatabasePath(flag, this.io.env);
  }

  /** Opens the register, runs `work`, and always closes it, even when `work` throws. */
  async withDatabase<T>(
    flag: string | undefined,
    options: OpenOptions,
    work: (opened: OpenedDatabase) => T | Promise<T>,
  ): Promise<T> {
    // Loaded here, not at the top, so commands that never open the register (--help, profiles,
    // tabulate) do not load the SQLite binding.
    const { openDatabase } = await import('../db/open-database');
    const opened = openDatabase(this.databasePath(flag), options);
    try {
      return await work(opened);
    } finally {
      opened.db.close();
    }
  }

  out(line: string): void {
    this.io.stdout(`${line}\n`);
  }
}

export const dbOption = (command: Command): Command =>
  command.option('--db <path>', 'register file (default: $CUSTODIAN_DB, then the app’s user-data folder)');
