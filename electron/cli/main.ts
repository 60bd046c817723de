import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error';
import { commandTable, commandWord, type Registration } from './command-table';
import { CliRuntime, type CliIo } from './runtime';

/**
 * Runs one command and returns its exit code: 0 success, 1 a check found problems, 2 bad usage or
 * bad input. A user's mistake is one line on stderr, never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo, options: { all?: boolean } = {}): Promise<number> {
  const program = await createProgram(new CliRuntime(io), commandWord(argv), options.all ?? false);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    return await reportError(error, io);
  }
}

/**
 * The `custodian` program with the command being run (`word`) defined in full and every other one
 * by name and description only, which is all `--help` and commander's "unknown command"
 * suggestions need. `all` defines every command in full (tests compare the two).
 */
export async function createProgram(runtime: CliRuntime, word: string | undefined, all: boolean): Promise<Command> {
  const io = runtime.io;
  const program = new Command('custodian')
    .description('Custodian: the register of data held under NHS England Data Sharing Agreements')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run "custodian --help" for usage)')
    // --version after a subcommand is that subcommand's (certificate issue --version 4.2), not the program's.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const chosen = commandTable.filter((entry) => all || entry.name === word);
  const loaded = new Map(await Promise.all(chosen.map(async (entry) => [entry, await entry.load()] as const)));
  const registered = new Set<Registration>();
  const register = (registrations: readonly Registration[]) =>
    registrations.filter((r) => !registered.has(r)).forEach((r) => (registered.add(r), r(program, runtime)));
  // In the table's order, so --help lists the commands the same way whichever is loaded.
  for (const entry of commandTable) {
    const registrations = loaded.get(entry);
    if (registrations && !entry.group) register(registrations);
    else program.command(entry.name).description(entry.description);
  }
  for (const registrations of loaded.values()) register(registrations);
  program.commands.forEach((command) => command.exitOverride());
  return program;
}

async function reportError(error: unknown, io: CliIo): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and version exit through here with code 0; commander has already printed its message.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof CliError) {
    io.stderr(`custodian: ${error.message}\n`);
    return error.exitCode;
  }
  // Loaded only when there is an error to report, so a successful command never reads them.
  const [{ UserFacingError }, { DatabaseOpenError }] = await Promise.all([import('../../shared/ipc/result'), import('../db/database-error')]);
  if (error instanceof DatabaseOpenError || error instanceof UserFacingError) {
    io.stderr(`custodian: ${error.message}\n`);
    return 2;
  }
  const detail = io.env.CUSTODIAN_DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : '';
  io.stderr(`custodian: unexpected error: ${(error as Error)?.message ?? String(error)}${detail}\n`);
  return 2;
}

function packageVersion(): string {
  return process.env.npm_package_version ?? '0.1.0';
}
