import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { RegisterConnection } from '../../db/register-connection';
import { outcomeLabels } from '../../../shared/destruction/destruction-record';
import { UserFacingError } from '../../../shared/ipc/result';
import { pendingDestructions } from '../../../shared/register/destruction-deadline';
import { formatDate, plural } from '../../../shared/register/format-date';
import { formatJsonPath } from '../../../shared/validation/json-path';
import { latestSchemaVersion } from '../../db/migrations';
import type { OpenedDatabase } from '../../db/open-database';
import { findingsFacts } from '../../destruction/findings-facts';
import { commitDestruction, prepareDestruction, type PreparedDestruction, type RecordedDestruction } from '../../destruction/record-destruction';
import { verifyAbsence } from '../../destruction/verify-absence';
import type { AuditActor } from '../../register/audit-log';
import { RecordRejected } from '../../register/record-issue';
import { loadRegister } from '../../register/load-register';
import { currentOsUser } from '../../service-context';
import { AS_OF_FLAGS, AS_OF_HELP, parseAsOf } from '../as-of-option';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { dbOption, type CliRuntime } from '../runtime';

/**
 * `custodian destruction record | pending | verify-absence`: recording how each copy was destroyed
 * (from flags, or from a JSON file holding one record or a list of them), the holdings still to
 * destroy with their deadlines, and checking that nothing remains at a copy's local path.
 */
const flagOf: Record<string, string> = {
  copyId: '--copy',
  methodType: '--method-type',
  method: '--method',
  tool: '--tool',
  toolVersion: '--tool-version',
  performedAt: '--at',
  operator: '--operator',
  verificationMethod: '--verification-method',
  verificationResult: '--verification-result',
  outcome: '--outcome',
  exceptionReason: '--exception-reason',
  exceptionEndDate: '--exception-end',
  notes: '--notes',
  sanitisationStandard: '--standard',
  cryptographicErase: '--cryptographic-erase',
  keyHandling: '--key-handling',
  validationMethod: '--validation-method',
  validationResult: '--validation-result',
};

export const cliActor = (): AuditActor => ({ now: () => new Date(), osUser: currentOsUser() });

/** The register, migrated, or a one-line reason it cannot be written. */
export function writableRegister(opened: OpenedDatabase): RegisterConnection {
  if (opened.schemaVersion < latestSchemaVersion) throw new CliError(`${opened.path} needs migrating: run "custodian init --db ${opened.path}" first`, 2);
  return opened.db;
}

interface RecordFlags {
  db?: string;
  from?: string;
  copy?: string;
  methodType?: string;
  method?: string;
  tool?: string;
  toolVersion?: string;
  at?: string;
  operator?: string;
  verificationMethod?: string;
  verificationResult?: string;
  outcome?: string;
  exceptionReason?: string;
  exceptionEnd?: string;
  notes?: string;
  standard?: string;
  cryptographicErase?: boolean;
  keyHandling?: string;
  validationMethod?: string;
  validationResult?: string;
  evidence?: string[];
}

const fromFileEntrySchema = z.looseObject({ evidence: z.array(z.string().min(1)).default([]) });

interface Entry {
  input: Record<string, unknown>;
  evidence: string[];
  /** Where the entry came from, to prefix an error: "--" for flags, "file.json: [2]" for a file. */
  where: (path: readonly PropertyKey[]) => string;
}

function entriesFromFlags(flags: RecordFlags): Entry[] {
  const input: Record<string, unknown> = {
    copyId: flags.copy,
    methodType: flags.methodType,
    method: flags.method,
    tool: flags.tool ?? null,
    toolVersion: flags.toolVersion ?? null,
    performedAt: flags.at,
    operator: flags.operator,
    verificationMethod: flags.verificationMethod,
    verificationResult: flags.verificationResult,
    outcome: flags.outcome,
    exceptionReason: flags.exceptionReason ?? null,
    exceptionEndDate: flags.exceptionEnd ?? null,
    notes: flags.notes ?? null,
    sanitisationStandard: flags.standard ?? null,
    cryptographicErase: flags.cryptographicErase ?? false,
    keyHandling: flags.keyHandling ?? null,
    validationMethod: flags.validationMethod ?? null,
    validationResult: flags.validationResult ?? null,
  };
  for (const [field, value] of Object.entries(input)) if (value === undefined) throw new CliError(`${flagOf[field]} is required (or give --from FILE.json)`);
  return [{ input, evidence: (flags.evidence ?? []).map((p) => resolve(p)), where: (path) => flagOf[String(path[0])] ?? formatJsonPath(path) }];
}

function entriesFromFile(file: string): Entry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code ? `${file} cannot be read (${code})` : `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.length === 0) throw new CliError(`${file} holds an empty list: nothing to record`);
  return list.map((item, i) => {
    const prefix = Array.isArray(parsed) ? [i] : [];
    const entry = fromFileEntrySchema.safeParse(item);
    if (!entry.success) throw new CliError(`${file}: ${formatJsonPath([...prefix, ...(entry.error.issues[0]?.path ?? [])])}: ${entry.error.issues[0]?.message ?? 'is not a destruction record'}`);
    const { evidence, ...input } = entry.data;
    return { input, evidence: evidence.map((p) => resolve(dirname(file), p)), where: (path) => `${file}: ${formatJsonPath([...prefix, ...path])}` };
  });
}

function describeRecorded(result: RecordedDestruction, label: string): string {
  const r = result.record;
  const files = result.evidence.length ? `; ${plural(result.evidence.length, 'evidence file')} stored (${result.evidence.map((e) => `${e.originalName} sha256 ${e.sha256.slice(0, 12)}…`).join(', ')})` : '';
  const exception = r.outcome === 'destroyed-with-exceptions' ? ` until ${formatDate(r.exceptionEndDate!)}` : '';
  return `Recorded: ${label}: ${outcomeLabels[r.outcome].toLowerCase()}${exception} on ${formatDate(r.performedAt.slice(0, 10))} (${r.methodType}: ${r.method})${files}`;
}

export function registerDestruction(program: Command, runtime: CliRuntime): void {
  const destruction = commandGroup(program, 'destruction', 'record destruction of copies and see what is due');

  dbOption(destruction.command('record'))
    .description('record how a copy was destroyed (flags, or --from FILE.json with one record or a list)')
    .option('--from <file>', 'a JSON object (or list) with copyId, methodType, method, tool, toolVersion, performedAt, operator, verificationMethod, verificationResult, outcome, exceptionReason, exceptionEndDate, notes, sanitisationStandard, cryptographicErase, keyHandling, validationMethod, validationResult, evidence [paths relative to the file]')
    .option('--copy <id>', 'the copy destroyed (ids: custodian destruction pending --json)')
    .option('--method-type <type>', 'Clear, Purge or Destroy (NIST SP 800-88)')
    .option('--method <text>', 'method used: overwrite, crypto erase, cloud object deletion, physical shredding…')
    .option('--tool <name>', 'tool used')
    .option('--tool-version <version>', 'tool version')
    .option('--at <date-time>', 'when, e.g. 2026-03-01T14:30:00Z or 2026-03-01T15:30+01:00')
    .option('--operator <name>', 'who did it')
    .option('--verification-method <text>', 'how it was verified')
    .option('--verification-result <text>', 'what the verification found')
    .option('--outcome <outcome>', 'destroyed, destroyed-with-exceptions or not-destroyed')
    .option('--exception-reason <text>', 'for destroyed-with-exceptions: what remains and why')
    .option('--exception-end <YYYY-MM-DD>', 'for destroyed-with-exceptions: when the exception ends')
    .option('--notes <text>', 'anything else')
    .option('--standard <text>', 'sanitisation standard or technique followed, e.g. IEEE 2883-2022 (NIST SP 800-88 Rev. 2)')
    .option('--cryptographic-erase', 'the copy was cryptographically erased (then --key-handling is required)')
    .option('--key-handling <text>', 'for a cryptographic erase: how the key was destroyed, e.g. key deleted from the KMS and its backups')
    .option('--validation-method <text>', 'the validation performed, e.g. sample read-back of 1% of sectors by a second person')
    .option('--validation-result <text>', 'what the validation found')
    .option('--evidence <file...>', 'evidence files to copy into the evidence store (the originals are not changed)')
    .action(async (flags: RecordFlags) => {
      const entries = flags.from ? entriesFromFile(flags.from) : entriesFromFlags(flags);
      const lines = await runtime.withDatabase(flags.db, { create: false }, async (opened) => {
        const db = writableRegister(opened);
        const actor = cliActor();
        const dataDir = opened.dataDir;
        const prepared: PreparedDestruction[] = [];
        for (const entry of entries) {
          try {
            prepared.push(await prepareDestruction(db, actor, dataDir, entry.input, entry.evidence));
          } catch (error) {
            if (error instanceof RecordRejected) throw new CliError(`${entry.where(error.issue.path)}: ${error.issue.message}`);
            if (error instanceof UserFacingError) throw new CliError(error.message);
            throw error;
          }
        }
        // Every record is checked before any is written, and all are written in one transaction.
        const recorded = db.transaction(() => prepared.map((p) => commitDestruction(db, actor, p))).immediate();
        const index = loadRegister(db);
        return recorded.map((r) => {
          const location = index.locations.find((l) => l.id === r.copy.locationId)?.name ?? r.copy.locationId;
          const holding = index.holdings.find((h) => h.id === r.copy.holdingId)?.darsFileReference ?? r.copy.holdingId;
          return describeRecorded(r, `${r.copy.kind} copy of ${holding} at ${location}`);
        });
      });
      lines.forEach((line) => runtime.out(line));
    });

  dbOption(destruction.command('pending'))
    .description('holdings with live copies and their destruction deadlines, soonest first')
    .option(AS_OF_FLAGS, AS_OF_HELP)
    .option('--json', 'print as JSON (with the ids of the live copies)')
    .action(async (options: { db?: string; asOf?: string; json?: boolean }) => {
      const asOf = parseAsOf(options.asOf, new Date());
      const pending = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => {
        if (opened.schemaVersion < latestSchemaVersion) throw new CliError(`${opened.path} needs migrating: run "custodian init --db ${opened.path}" first`, 2);
        return pendingDestructions(loadRegister(opened.db), asOf, findingsFacts(opened.db, asOf).retainedUntil);
      });
      if (options.json) {
        runtime.out(JSON.stringify({ asOf, pending }, null, 2));
        return;
      }
      if (pending.length === 0) {
        runtime.out(`Nothing is pending destruction on ${formatDate(asOf)}: every recorded copy is destroyed.`);
        return;
      }
      runtime.out(`Pending destruction on ${formatDate(asOf)}: ${plural(pending.length, 'holding')}, ${pending.filter((p) => p.overdue).length} overdue`);
      runtime.out('');
      const row = (deadline: string, left: string, text: string) => `${deadline.padEnd(18)}${left.padEnd(12)}${text}`;
      runtime.out(row('DEADLINE', 'DAYS LEFT', 'HOLDING / LIVE COPIES (id)'));
      for (const p of pending) {
        const left = p.daysLeft === null ? '-' : p.overdue ? `${-p.daysLeft} late` : String(p.daysLeft);
        runtime.out(row(p.deadline ? formatDate(p.deadline) : 'none yet', left, p.holding.label));
        for (const copy of p.liveCopies) runtime.out(row('', '', `  ${copy.label} (${copy.id})`));
      }
    });

  dbOption(destruction.command('verify-absence'))
    .description('check that nothing remains at a copy’s local or mounted path, and record the check (exit 1 if something does)')
    .requiredOption('--copy <id>', 'the copy whose recorded path to check')
    .action(async (options: { db?: string; copy: string }) => {
      const check = await runtime.withDatabase(options.db, { create: false }, (opened) => verifyAbsence(writableRegister(opened), cliActor(), options.copy));
      runtime.out(`${{ absent: 'ABSENT', present: 'PRESENT', unreadable: 'CANNOT TELL' }[check.result]}: ${check.detail}`);
      if (check.result !== 'absent') throw new CliError(check.result === 'present' ? 'the copy is still there: destroy it before recording its destruction' : 'the path could not be checked', 1);
    });
}
