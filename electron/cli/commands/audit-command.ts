import type { Command } from 'commander';
import type { RegisterConnection } from '../../db/register-connection';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { AuditEntry } from '../../../shared/audit/audit-api';
import { formatAnchor, parseAnchor, parseCheckpoints, type AuditAnchor } from '../../../shared/audit/audit-anchor';
import { oneLine } from '../../../shared/text/one-line';
import { corruptionOf, restoreAdvice } from '../../db/corruption';
import { listAuditEntries } from '../../register/audit-log';
import { AuditKeyError, readAuditKey } from '../../register/audit-seal';
import { verifyAuditChain } from '../../register/audit-verify';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { dbOption, type CliRuntime } from '../runtime';
import type { OpenedDatabase } from '../../db/open-database';

/** The audit log lives from schema 2 on; an older register must be migrated before it has one. */
function auditDatabase(opened: OpenedDatabase): RegisterConnection {
  if (opened.schemaVersion < 2) throw new CliError(`${opened.path} has no audit log yet: run "custodian init --db ${opened.path}" to migrate it`);
  return opened.db;
}

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) {
    throw new CliError(`--limit must be a whole number from 1 to 1000000, not "${text}"`);
  }
  return limit;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function keyFrom(path: string): Buffer {
  try {
    return readAuditKey(path);
  } catch (error) {
    if (error instanceof AuditKeyError) throw new CliError(error.message);
    throw error;
  }
}

/** The anchors given on the command line and in a checkpoints file; a malformed one is bad usage (exit 2). */
function readAnchors(expect: readonly string[], checkpoints: string | undefined): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  for (const text of expect) {
    const anchor = parseAnchor(text);
    if (!anchor) throw new CliError(`--expect must be SEQ:HASH as "audit verify" prints the head, e.g. 42:3f1c…(64 hex digits), not "${oneLine(text, 80)}"`);
    anchors.push(anchor);
  }
  if (checkpoints !== undefined) {
    let text: string;
    try {
      text = readFileSync(checkpoints, 'utf8');
    } catch {
      throw new CliError(`cannot read the checkpoints file ${checkpoints}; check the path`);
    }
    const parsed = parseCheckpoints(text);
    if ('badLine' in parsed) throw new CliError(`${checkpoints}, line ${parsed.badLine}: not SEQ:HASH as "audit verify" prints the head`);
    if (parsed.anchors.length === 0) throw new CliError(`${checkpoints} holds no checkpoints; add lines of SEQ:HASH`);
    anchors.push(...parsed.anchors);
  }
  return anchors;
}

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

const describeEntry = (e: AuditEntry) => {
  const who = e.displayName ? `${e.osUser} (${e.displayName})` : e.osUser;
  const what = [e.recordKind, e.recordId].filter(Boolean).join(' ');
  return `#${e.seq}  ${e.at}  ${who}  ${e.action}${what ? `  ${what}` : ''}`;
};

export function registerAudit(program: Command, runtime: CliRuntime): void {
  const audit = commandGroup(program, 'audit', 'check and read the tamper-evident audit log');

  dbOption(audit.command('verify'))
    .description('recompute the audit chain and print its head; exit 1 naming the first entry edited, deleted or reordered')
    .option('--expect <seq:hash>', 'a head printed earlier: prove nothing at or before it was removed or rewritten (repeatable)', collect, [])
    .option('--checkpoints <file>', 'a file of heads kept elsewhere, one SEQ:HASH a line, each checked like --expect')
    .option('--save-checkpoint <file>', 'when intact, append the head to this checkpoints file (keep it off this machine)')
    .option('--key <file>', 'the audit key: also check the seal, so entries written without the key show')
    .option('--json', 'print the result as JSON')
    .action(async (options: { db?: string; expect: string[]; checkpoints?: string; saveCheckpoint?: string; key?: string; json?: boolean }) => {
      const anchors = readAnchors(options.expect, options.checkpoints);
      const key = options.key === undefined ? null : keyFrom(options.key);
      let result;
      try {
        result = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => verifyAuditChain(auditDatabase(opened), anchors, key));
      } catch (error) {
        // A file too damaged to read is a finding of this check, not an internal error.
        const damage = corruptionOf(error);
        if (damage === null) throw error;
        throw new CliError(`the register file is damaged (${damage}), so its audit log cannot be verified; ${restoreAdvice(runtime.databasePath(options.db))}`, 1);
      }
      if (options.json) runtime.out(JSON.stringify(result, null, 2));
      else if (result.intact) {
        runtime.out(`Audit log intact: ${entries(result.entries)}, the newest is #${result.lastSeq}.`);
        if (result.head) runtime.out(`Head: ${formatAnchor(result.head)}`);
        if (anchors.length > 0) {
          const newest = Math.max(...anchors.map((a) => a.seq));
          runtime.out(`Matches ${anchors.length === 1 ? 'the checkpoint' : `all ${anchors.length} checkpoints`}: nothing at or before #${newest} was removed or rewritten.`);
        }
        if (key && result.head) runtime.out(`Sealed with the audit key up to the newest entry: nothing was written without the key.`);
      } else runtime.out(`Audit log BROKEN at entry #${result.problem!.seq} (${result.problem!.kind}).`);
      if (result.problem) throw new CliError(`audit log broken: ${result.problem.message}`, 1);
      if (options.saveCheckpoint && result.head) {
        appendFileSync(options.saveCheckpoint, `${formatAnchor(result.head)} ${new Date().toISOString()}\n`);
        if (!options.json) runtime.out(`Appended the head to ${options.saveCheckpoint}.`);
      }
    });

  const keyGroup = audit.command('key').description('the audit key of the keyed mode (see the README)');
  keyGroup
    .command('create')
    .description('write a new random audit key (32 bytes, hex) to FILE, readable only by you; keep a copy off this machine')
    .argument('<file>', 'where to write the key; refused if it exists')
    .action((file: string) => {
      try {
        writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(code === 'EEXIST' ? `${file} already exists; a key is never overwritten` : `cannot write ${file} (${code ?? 'error'})`);
      }
      runtime.out(`Wrote a new audit key to ${file}. Set CUSTODIAN_AUDIT_KEY_FILE=${file} wherever Custodian writes to the register, and verify with --key ${file}.`);
    });

  dbOption(audit.command('list'))
    .description('print audit entries, newest first')
    .option('--kind <kind>', 'only entries about this kind of record (copy, dsaVersion, location…)')
    .option('--record <id>', 'only entries about this record')
    .option('--limit <n>', 'at most this many entries', '50')
    .option('--json', 'print the entries as JSON, with before and after')
    .action(async (options: { db?: string; kind?: string; record?: string; limit: string; json?: boolean }) => {
      const limit = parseLimit(options.limit);
      const { entries: found, total } = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) =>
        listAuditEntries(auditDatabase(opened), { offset: 0, limit, kind: options.kind, recordId: options.record }),
      );
      if (options.json) {
        runtime.out(JSON.stringify(found, null, 2));
        return;
      }
      for (const entry of found) runtime.out(describeEntry(entry));
      runtime.out(found.length < total ? `(${found.length} of ${entries(total)}; use --limit for more)` : `(${entries(total)})`);
    });
}
