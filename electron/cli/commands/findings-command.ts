import type { Command } from 'commander';
import type { RegisterConnection } from '../../db/register-connection';
import { describeStatus, MAX_FINDINGS_PER_DECISION, type SetFindingStatusesRequest } from '../../../shared/findings/finding-status';
import { clockMomentFor, mergeFindings } from '../../../shared/incidents/incident-findings';
import { formatDate } from '../../../shared/register/format-date';
import { severities, type Finding } from '../../../shared/register/findings';
import { localIsoDate } from '../../../shared/register/local-date';
import { indexRegister } from '../../../shared/register/register-index';
import { placeOfFinding } from '../../../shared/findings/finding-place';
import { latestSchemaVersion } from '../../db/migrations';
import { setFindingStatuses, statusShown, withStatuses } from '../../findings/finding-status-service';
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
 * `acknowledge`, `accept-risk` and `reopen` set a finding's status (finding-status-service.ts); given
 * several ids (a folded row's), they set all of them in one transaction or, on a refusal, none.
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

  statusCommand(findings, runtime, 'acknowledge', 'acknowledge findings: someone owns them until a target date (they reopen after)', [
    ['--owner <name>', 'who is dealing with it'],
    ['--target-date <YYYY-MM-DD>', 'when it should be resolved by'],
  ], (ids, o) => ({ findingIds: ids, state: 'acknowledged', owner: o.owner ?? '', targetDate: o.targetDate ?? '' }));
  statusCommand(findings, runtime, 'accept-risk', 'accept the risk of findings until a review date (they reopen after)', [
    ['--reason <text>', 'why the risk is accepted'],
    ['--review-date <YYYY-MM-DD>', 'when the decision must be reviewed'],
    ['--accepted-by <name>', 'who accepted the risk'],
  ], (ids, o) => ({ findingIds: ids, state: 'risk-accepted', reason: o.reason ?? '', reviewDate: o.reviewDate ?? '', acceptedBy: o.acceptedBy ?? '' }));
  statusCommand(findings, runtime, 'reopen', 'set findings back to open', [], (ids) => ({ findingIds: ids, state: 'open' }));
}

type StatusOptions = Record<string, string | undefined> & { db?: string };

function statusCommand(
  parent: Command,
  runtime: CliRuntime,
  name: string,
  description: string,
  flags: [string, string][],
  request: (ids: string[], options: StatusOptions) => SetFindingStatusesRequest,
): void {
  const command = dbOption(parent.command(name))
    .description(description)
    .argument('[finding-id...]', 'the findings’ ids, as "custodian findings --json" prints them: several are set together, or none')
    .option('--code <code>', 'instead of ids: every finding with this code, narrowed by --location and --agreement (a folded row of the dashboard is all three)')
    .option('--location <location-id>', 'with --code: only the findings at this location')
    .option('--agreement <dsa-id>', 'with --code: only the findings about this agreement’s records');
  // Required flags are checked here, not by commander, so a missing one is the same one-line exit 2 as a bad value.
  for (const [flag, help] of flags) command.option(flag, help);
  command.action(async (ids: string[], options: StatusOptions) => {
    for (const [flag] of flags) {
      const key = flag.split(' ')[0]!.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      if (!options[key]?.trim()) throw new CliError(`${flag.split(' ')[0]} is required`);
    }
    if (ids.length > 0 && options.code !== undefined) throw new CliError('give finding ids or --code, not both');
    if (ids.length === 0 && options.code === undefined) throw new CliError('give a finding id, several, or --code (with --location or --agreement)');
    if (options.code === undefined && (options.location !== undefined || options.agreement !== undefined)) throw new CliError('--location and --agreement narrow --code: give --code too');
    const today = localIsoDate(new Date());
    const lines = await runtime.withDatabase(options.db, { create: false }, (opened) => {
      const db = writableRegister(opened);
      const findings = findingsOn(db, today, false);
      const chosen = options.code === undefined ? ids : idsOfFold(db, findings, today, { code: options.code, location: options.location, agreement: options.agreement });
      const set = setFindingStatuses(db, cliActor(), findings, today, request(chosen, options));
      return set.map(({ finding, status }) => `${finding.id}: ${describeStatus(status)}`);
    });
    for (const line of lines) runtime.out(line);
  });
}

/**
 * The findings the dashboard would fold into the row for this code (and location, and agreement):
 * placed as the findings table places them (finding-place.ts), so the CLI and the app's
 * "Set status for all N…" pick the same findings.
 */
function idsOfFold(db: RegisterConnection, findings: readonly Finding[], today: string, where: { code: string; location?: string; agreement?: string }): string[] {
  const index = indexRegister(loadRegister(db));
  const ids = findings
    .filter((f) => f.code === where.code)
    .filter((f) => {
      const place = placeOfFinding(index, f);
      return (where.location === undefined || place.location?.id === where.location) && (where.agreement === undefined || place.agreement?.id === where.agreement);
    })
    .map((f) => f.id);
  if (ids.length === 0) {
    const at = [where.location === undefined ? '' : ` at location "${where.location}"`, where.agreement === undefined ? '' : ` about agreement "${where.agreement}"`].join('');
    throw new CliError(`no finding with code ${where.code}${at} on ${today}: "custodian findings" lists them`);
  }
  if (ids.length > MAX_FINDINGS_PER_DECISION) throw new CliError(`${ids.length} findings with code ${where.code}: at most ${MAX_FINDINGS_PER_DECISION} at once; narrow them with --location or --agreement`);
  return ids;
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
