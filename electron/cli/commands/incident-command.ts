import type { Command } from 'commander';
import { outstandingForClosure } from '../../../shared/incidents/closure';
import { incidentStatusLabels, type NotificationRecipient } from '../../../shared/incidents/incident-vocabulary';
import { clockState, formatDuration, requiredNotifications, type ClockState } from '../../../shared/incidents/notification-clocks';
import { formatZoned } from '../../../shared/incidents/zoned-time';
import { latestSchemaVersion } from '../../db/migrations';
import type { OpenedDatabase } from '../../db/open-database';
import { findIncidentId, readAllIncidents } from '../../incidents/incident-rows';
import { readIncidentSettings } from '../../incidents/incident-settings-store';
import { currentOsUser } from '../../service-context';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { dbOption, type CliRuntime } from '../runtime';

/**
 * `custodian incident list [--json]`, `custodian incident report ID --output FILE.pdf` and
 * `custodian incident log --output FILE.xlsx|FILE.csv`. The list shows each incident's clocks in
 * words ("OVERDUE by 5 hours"), so a scheduled job can mail it; the files are written atomically
 * and recorded in the audit log with their SHA-256.
 */
export function registerIncident(program: Command, runtime: CliRuntime): void {
  const incident = commandGroup(program, 'incident', 'incidents and breaches: the list with its clocks, the report, the breach log');

  dbOption(incident.command('list'))
    .description('list every incident with its status and notification clocks')
    .option('--json', 'print the incidents as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const now = new Date();
      const rows = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => {
        requireCurrentSchema(opened);
        const settings = readIncidentSettings(opened.db);
        return readAllIncidents(opened.db).map((i) => ({
          incident: i,
          clocks: requiredNotifications(i, settings).map((r) => ({ recipient: r.recipient, deadline: r.deadline, state: clockState(r, now) })),
          outstanding: outstandingForClosure(i, settings),
        }));
      });
      if (options.json) {
        runtime.out(JSON.stringify({ now: now.toISOString(), incidents: rows }, null, 2));
        return;
      }
      if (rows.length === 0) {
        runtime.out('No incidents are recorded.');
        return;
      }
      const table = rows.map(({ incident: i, clocks }) => [
        i.reference,
        incidentStatusLabels[i.status],
        formatZoned(i.becameAwareAt),
        i.status === 'closed' ? 'closed' : clocks.map((c) => `${shortRecipient[c.recipient]}: ${clockWords(c.state)}`).join('; '),
        i.title,
      ]);
      const header = ['REFERENCE', 'STATUS', 'BECAME AWARE', 'CLOCKS', 'TITLE'];
      const widths = header.map((h, column) => Math.max(h.length, ...table.map((row) => row[column]!.length)) + 2);
      const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('');
      runtime.out(line(header));
      for (const row of table) runtime.out(line(row));
    });

  dbOption(incident.command('report'))
    .description('write the incident report (UK GDPR Art 33(3), assessment, timeline, notifications) as a PDF')
    .argument('<id>', 'the incident: its reference (INC-2026-001) or id')
    .requiredOption('--output <file>', 'the PDF to write')
    .action(async (id: string, options: { db?: string; output: string }) => {
      const actor = { now: () => new Date(), osUser: currentOsUser() };
      // pdfkit loads only for the report, not for the list.
      const { exportIncidentReport } = await import('../../incidents/incident-exports');
      const result = await runtime.withDatabase(options.db, { create: false }, (opened) => {
        requireCurrentSchema(opened);
        const found = findIncidentId(opened.db, id.trim());
        if (!found) throw new CliError(`no incident "${id}": give its reference (e.g. INC-2026-001, see "custodian incident list") or its id`, 2);
        return exportIncidentReport(opened.db, actor, opened.path, found, options.output);
      });
      runtime.out(`Wrote ${result.path} (PDF, SHA-256 ${result.sha256}).`);
    });

  dbOption(incident.command('log'))
    .description('write the breach log (UK GDPR Art 33(5)): every incident, notified or not, as XLSX or CSV')
    .requiredOption('--output <file>', 'the file to write; .xlsx or .csv')
    .action(async (options: { db?: string; output: string }) => {
      const actor = { now: () => new Date(), osUser: currentOsUser() };
      const { exportBreachLog } = await import('../../incidents/incident-exports');
      const result = await runtime.withDatabase(options.db, { create: false }, (opened) => {
        requireCurrentSchema(opened);
        return exportBreachLog(opened.db, actor, opened.path, options.output);
      });
      runtime.out(`Wrote ${result.path} (${result.format.toUpperCase()}, ${result.incidents} incident${result.incidents === 1 ? '' : 's'}, SHA-256 ${result.sha256}).`);
    });
}

const shortRecipient: Record<NotificationRecipient, string> = { ico: 'ICO', dars: 'DARS', dhsc: 'DHSC', individuals: 'Individuals', other: 'Other' };

function requireCurrentSchema(opened: OpenedDatabase): void {
  if (opened.schemaVersion < latestSchemaVersion) throw new CliError(`${opened.path} needs migrating: run "custodian init --db ${opened.path}" first`, 2);
}

function clockWords(state: ClockState): string {
  switch (state.kind) {
    case 'running':
      return `${formatDuration(state.msLeft)} left`;
    case 'overdue':
      return `OVERDUE ${formatDuration(state.msOver)}`;
    case 'sent-on-time':
      return 'sent';
    case 'sent-late':
      return `sent ${formatDuration(state.msLate)} late`;
    case 'no-deadline':
      return state.sent ? 'sent' : 'to do';
  }
}
