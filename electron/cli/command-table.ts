import type { Command } from 'commander';
import type { CliRuntime } from './runtime';

export type Registration = (program: Command, runtime: CliRuntime) => void;

/**
 * Every top-level command: its name, the one line `custodian --help` shows, and how to load the
 * modules that define it. The modules are loaded only for the command being run, so `--help` reads
 * no schema, no SQLite binding and no PDF or spreadsheet library, and `custodian findings` reads
 * only what findings need. A group (`export`, `import`…) is created here with this description;
 * each module adds its subcommands to it. A leaf command's module sets its own description, which
 * a test keeps equal to the one here.
 */
export interface CommandEntry {
  name: string;
  description: string;
  group: boolean;
  load: () => Promise<Registration[]>;
}

export const commandTable: readonly CommandEntry[] = [
  { name: 'init', group: false, description: 'create the register, or bring an existing one up to the current schema', load: async () => [(await import('./commands/init-command')).registerInit] },
  { name: 'check', group: false, description: 'check the register’s integrity and schema version (exit 1 if a problem is found)', load: async () => [(await import('./commands/check-command')).registerCheck] },
  { name: 'backup', group: false, description: 'write a consistent copy of the register to FILE, safe while the app is running', load: async () => [(await import('./commands/backup-command')).registerBackup] },
  { name: 'copy-register', group: false, description: 'copy a whole register, audit log and certificates included, between SQLite and PostgreSQL into an empty register, and check the copy', load: async () => [(await import('./commands/copy-register-command')).registerCopyRegister] },
  { name: 'findings', group: false, description: 'list the register’s compliance findings (exit 1 if any is high)', load: async () => [(await import('./commands/findings-command')).registerFindings] },
  { name: 'add', group: true, description: 'add a record: custodian add <kind> --field value… (or --json FILE)', load: async () => [(await import('./commands/record-commands')).registerRecordCommands] },
  { name: 'update', group: true, description: 'change fields of a record: custodian update <kind> <id-or-name> --field value…', load: async () => [(await import('./commands/record-commands')).registerRecordCommands] },
  { name: 'archive', group: true, description: 'archive a record (it stays in the register and its history)', load: async () => [(await import('./commands/record-commands')).registerRecordCommands] },
  { name: 'restore', group: true, description: 'restore an archived record', load: async () => [(await import('./commands/record-commands')).registerRecordCommands] },
  { name: 'show', group: true, description: 'show a record with what it refers to and what refers to it', load: async () => [(await import('./commands/record-commands')).registerRecordCommands] },
  { name: 'list', group: true, description: 'list the records of one kind, with filters', load: async () => [(await import('./commands/record-commands')).registerRecordCommands] },
  { name: 'settings', group: true, description: 'show and change the settings: organisation name, default destruction rule, DPO contact…', load: async () => [(await import('./commands/settings-command')).registerSettings] },
  { name: 'audit', group: true, description: 'check and read the tamper-evident audit log', load: async () => [(await import('./commands/audit-command')).registerAudit] },
  {
    name: 'export',
    group: true,
    description: 'write the register, or parts of it, to files',
    load: async () => [(await import('./commands/register-snapshot-command')).registerRegisterSnapshot, (await import('./commands/export-command')).registerExports],
  },
  {
    name: 'import',
    group: true,
    description: 'read records into the register from a file',
    load: async () => [(await import('./commands/register-snapshot-command')).registerRegisterSnapshot, (await import('./commands/import-dur-command')).registerImportDur],
  },
  { name: 'report', group: true, description: 'write reports for auditors', load: async () => [(await import('./commands/export-command')).registerExports] },
  { name: 'disclose', group: false, description: 'protect a table (CSV, XLSX or Parquet) with a disclosure profile, check it with the attacker’s linear program, and write the published table; exit 1 if the audit refuses it, 2 for bad input', load: async () => [(await import('./commands/disclose-command')).registerDisclose] },
  { name: 'profiles', group: false, description: 'list the built-in disclosure profiles, with their rules and sources', load: async () => [(await import('./commands/profiles-command')).registerProfiles] },
  { name: 'tabulate', group: false, description: 'count a record-level CSV or Parquet file by row (and column) variables, with Total margins; protect it at once with --profile', load: async () => [(await import('./commands/tabulate-command')).registerTabulate] },
  { name: 'destruction', group: true, description: 'record destruction of copies and see what is due', load: async () => [(await import('./commands/destruction-command')).registerDestruction] },
  { name: 'certificate', group: true, description: 'issue, sign and verify certificates of destruction', load: async () => [(await import('./commands/certificate-command')).registerCertificate] },
  {
    name: 'incident',
    group: true,
    description: 'incidents and breaches: open, assess, notify, act, close; the list with its clocks, the report, the breach log',
    load: async () => [(await import('./commands/incident-command')).registerIncident, (await import('./commands/incident-lifecycle-command')).registerIncidentLifecycle],
  },
];

/** The command a command line runs: its first word that is not an option (`help X` runs X's help). */
export function commandWord(argv: readonly string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}
