import { Command, CommanderError } from 'commander';
import { UserFacingError } from '../../shared/ipc/result';
import { DatabaseOpenError } from '../db/database-error';
import { CliError } from './cli-error';
import { registerAudit } from './commands/audit-command';
import { registerBackup } from './commands/backup-command';
import { registerCertificate } from './commands/certificate-command';
import { registerCheck } from './commands/check-command';
import { registerDestruction } from './commands/destruction-command';
import { registerDisclose } from './commands/disclose-command';
import { registerExports } from './commands/export-command';
import { registerFindings } from './commands/findings-command';
import { registerImportDur } from './commands/import-dur-command';
import { registerIncident } from './commands/incident-command';
import { registerInit } from './commands/init-command';
import { registerProfiles } from './commands/profiles-command';
import { registerRegisterSnapshot } from './commands/register-snapshot-command';
import { CliRuntime, type CliIo } from './runtime';
import { registerTabulate } from './commands/tabulate-command';

const commandRegistrations = [registerInit, registerCheck, registerBackup, registerFindings, registerAudit, registerRegisterSnapshot, registerImportDur, registerExports, registerDisclose, registerProfiles, registerTabulate, registerDestruction, registerCertificate, registerIncident];

/**
 * Runs one command and returns its exit code: 0 success, 1 a check found problems, 2 bad usage or
 * bad input. A user's mistake is one line on stderr, never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const runtime = new CliRuntime(io);
  const program = new Command('custodian')
    .description('Custodian: the register of data held under NHS England Data Sharing Agreements')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run "custodian --help" for usage)')
    // --version after a subcommand is that subcommand's (certificate issue --version 4.2), not the program's.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const register of commandRegistrations) register(program, runtime);
  program.commands.forEach((command) => command.exitOverride());

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version exit through here with code 0; commander has already printed its message.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof CliError) {
    io.stderr(`custodian: ${error.message}\n`);
    return error.exitCode;
  }
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
