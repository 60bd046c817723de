import type { Command } from 'commander';
import { clockMomentFor, mergeFindings } from '../../../shared/incidents/incident-findings';
import { formatDate } from '../../../shared/register/format-date';
import { severities, type Finding } from '../../../shared/register/findings';
import { latestSchemaVersion } from '../../db/migrations';
import { incidentFindings } from '../../incidents/incident-findings-source';
import { loadRegister } from '../../register/load-register';
import { storedRegisterFindings } from '../../register/register-findings';
import { AS_OF_FLAGS, AS_OF_HELP, parseAsOf } from '../as-of-option';
import { CliError } from '../cli-error';
import { dbOption, type CliRuntime } from '../runtime';

/**
 * `custodian findings`: the compliance findings on a date, as a table or JSON. Exit 1 when any is
 * high, so a scheduled job or CI step can alert on it; exit 2 for a bad date.
 */
export function registerFindings(program: Command, runtime: CliRuntime): void {
  dbOption(program.command('findings'))
    .description('list the register’s compliance findings (exit 1 if any is high)')
    .option(AS_OF_FLAGS, AS_OF_HELP)
    .option('--json', 'print the findings as JSON')
    .action(async (options: { db?: string; asOf?: string; json?: boolean }) => {
      const asOf = parseAsOf(options.asOf, new Date());
      const findings = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => {
        if (opened.schemaVersion < latestSchemaVersion) throw new CliError(`${opened.path} needs migrating: run "custodian init --db ${opened.path}" first`, 2);
        return mergeFindings(storedRegisterFindings(opened.db, loadRegister(opened.db), asOf), incidentFindings(opened.db, clockMomentFor(asOf, new Date())));
      });
      const counts = Object.fromEntries(severities.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Finding['severity'], number>;
      if (options.json) runtime.out(JSON.stringify({ asOf, counts, findings }, null, 2));
      else printTable(runtime, asOf, counts, findings);
      if (counts.high > 0) throw new CliError(`${counts.high} high-severity finding${counts.high === 1 ? '' : 's'}: act on ${counts.high === 1 ? 'it' : 'them'} first`, 1);
    });
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
  }
}
