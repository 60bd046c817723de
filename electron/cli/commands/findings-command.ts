import type { Command } from 'commander';
import type { RegisterConnection } from '../../db/register-connection';
import { describeStatus, type SetFindingStatusRequest } from '../../../shared/findings/finding-status';
import { clockMomentFor, mergeFindings } from '../../../shared/incidents/incident-findings';
import { formatDate } from '../../../shared/register/format-date';
import { severities, type Finding } from '../../../shared/register/findings';
import { localIsoDate } from '../../../shared/register/local-date';
import { latestSchemaVersion } from '../../db/migrations';
import { setFindingStatus, statusShown, withStatuses } from '../../findings/finding-status-service';
import { incidentFindings } from '../../incidents/incident-findings-source';
import { loadRegister } from '../../register/load-register';
import { storedRegisterFindings } from '../../register/register-findings';
import { AS_OF_FLAGS, AS_OF_HELP, parseAsOf } from '../as-of-option';
import { CliError } from '../cli-error';
import { cliActor, writableRegister } from '../records/cli-writes';
import { dbOption, type CliRuntime } from '../runtime';

/**
 * `custodian findings`: the compliance findings on a date, as a table or JSON, each with its status.
 * Exit 1 when any is high, so a scheduled job or CI step can alert on it; exit 2 for a bad date.
 * `acknowledge`, `accept-risk` and `reopen` set a finding's status (finding-status-service.ts).
 */
export function registerFindings(program: Command, runtime: CliRuntime): void {
  const findings = dbOption(program.command('findings'))
    .description('list the register’s compliance findings (exit 1 if any is high)')
    .option(AS_OF_FLAGS, AS_OF_HELP)
    .option('--json', 'print the findings as JSON')
    .action(async (options: { db?: string; asOf?: string; json?: boolean }) => {
      const asOf = parseAsOf(options.asOf, new Date());
      const found = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => {
        if (opened.schemaVersion < latestSchemaVersion) throw new CliError(`${opened.path} needs migrating: run "custodian init --db ${opened.path}" first`, 2);
        return findingsOn(opened.db, asOf);
      });
      const counts = Object.fromEntries(severities.map((s) => [s, found.filter((f) => f.severity === s).length])) as Record<Finding['severity'], number>;
      if (options.json) runtime.out(JSON.stringify({ asOf, counts, findings: found }, null, 2));
      else printTable(runtime, asOf, counts, found);
      if (counts.high > 0) throw new CliError(`${counts.high} high-severity finding${counts.high === 1 ? '' : 's'}: act on ${counts.high === 1 ? 'it' : 'them'} first`, 1);
    });

  statusCommand(findings, runtime, 'acknowledge', 'acknowledge a finding: someone owns it until a target date (it reopens after)', [
    ['--owner <name>', 'who is dealing with it'],
    ['--target-date <YYYY-MM-DD>', 'when it should be resolved by'],
  ], (id, o) => ({ findingId: id, state: 'acknowledged', owner: o.owner ?? '', targetDate: o.targetDate ?? '' }));
  statusCommand(findings, runtime, 'accept-risk', 'accept the risk of a finding until a review date (it reopens after)', [
    ['--reason <text>', 'why the risk is accepted'],
    ['--review-date <YYYY-MM-DD>', 'when the decision must be reviewed'],
    ['--accepted-by <name>', 'who accepted the risk'],
  ], (id, o) => ({ findingId: id, state: 'risk-accepted', reason: o.reason ?? '', reviewDate: o.reviewDate ?? '', acceptedBy: o.acceptedBy ?? '' }));
  statusCommand(findings, runtime, 'reopen', 'set a finding back to open', [], (id) => ({ findingId: id, state: 'open' }));
}

type StatusOptions = Record<string, string | undefined> & { db?: string };

function statusCommand(
  parent: Command,
  runtime: CliRuntime,
  name: string,
  description: string,
  flags: [string, string][],
  request: (id: string, options: StatusOptions) => SetFindingStatusRequest,
): void {
  const command = dbOption(parent.command(name)).description(description).argument('<finding-id>', 'the finding’s id, as "custodian findings --json" prints it');
  // Required flags are checked here, not by commander, so a missing one is the same one-line exit 2 as a bad value.
  for (const [flag, help] of flags) command.option(flag, help);
  command.action(async (id: string, options: StatusOptions) => {
    for (const [flag] of flags) {
      const key = flag.split(' ')[0]!.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      if (!options[key]?.trim()) throw new CliError(`${flag.split(' ')[0]} is required`);
    }
    const today = localIsoDate(new Date());
    const line = await runtime.withDatabase(options.db, { create: false }, (opened) => {
      const db = writableRegister(opened);
      const { finding, status } = setFindingStatus(db, cliActor(), findingsOn(db, today, false), today, request(id, options));
      return `${finding.id}: ${describeStatus(status)}`;
    });
    runtime.out(line);
  });
}

/** The register's and the incident clocks' findings on a date, with their statuses unless asked not to. */
function findingsOn(db: RegisterConnection, asOf: string, statuses = true): Finding[] {
  const all = mergeFindings(storedRegisterFindings(db, loadRegister(db), asOf), incidentFindings(db, clockMomentFor(asOf, new Date())));
  return statuses ? withStatuses(db, all, asOf).map(statusShown) : all;
}

function printTable(runtime: CliRuntime, asOf: string, counts: Record<Finding['severity'], number>, findings: readonly Finding[]): void {
  if (findings.length === 0) {
    runtime.out(`No findings on ${formatDate(asOf)}.`);
    return;
  }
  runtime.out(`Findings on ${formatDate(asOf)}: ${counts.high} high, ${counts.medium} medium, ${counts.low} low`);
  const codeWidth = Math.max(4, ...findings.map((f) => f.code.length));
  const row = (severity: string, code: string, due: string, text: string) => `${severity.padEnd(10)}${code.padEnd(codeWidth + 2)}${due.padEnd(12)}${text}`;
  runtime.out('');
  runtime.out(row('SEVERITY', 'CODE', 'DUE', 'FINDING'));
  for (const finding of findings) {
    runtime.out(row(finding.severity.toUpperCase(), finding.code, finding.dueDate ?? '-', finding.title));
    runtime.out(row('', '', '', `What to do: ${finding.action}`));
    runtime.out(row('', '', '', `Status: ${describeStatus(finding.status)} [${finding.id}]`));
  }
}
