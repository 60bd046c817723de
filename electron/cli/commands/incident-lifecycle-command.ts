import type { Command } from 'commander';
import type { RegisterConnection } from '../../db/register-connection';
import type { z } from 'zod';
import { actionFieldsSchema, assessmentFieldsSchema, incidentFieldsSchema, notificationFieldsSchema, type Incident } from '../../../shared/incidents/incident-records';
import { incidentStatusLabels, notificationKindLabels, type IncidentStatus } from '../../../shared/incidents/incident-vocabulary';
import { formatZoned, zonedFromLocal } from '../../../shared/incidents/zoned-time';
import type { RecordKind } from '../../../shared/register/records';
import { assessIncident, changeIncidentStatus, createIncident, getIncident, recordAction, recordNotification, updateIncident } from '../../incidents/incident-service';
import { findIncidentId, linkTables } from '../../incidents/incident-rows';
import { readIncidentSettings } from '../../incidents/incident-settings-store';
import { recordTables } from '../../register/record-tables';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { jsonObject, readJsonInput } from '../json-input';
import { asCliRefusal, cliActor, writableRegister } from '../records/cli-writes';
import { addFlags, flagsFor, resolveJsonReferences, valuesFromFlags, type Flag, type ReferenceField } from '../records/field-flags';
import { resolveReference } from '../records/record-references';
import { fieldsOf } from '../records/schema-fields';
import { dbOption, type CliRuntime } from '../runtime';

/**
 * An incident over its life from the CLI, through the incident service the app uses (validated by
 * the same zod schemas, audited as `incident` in the same transaction): `open`, `edit`, `assess`,
 * `notify`, `act`, `contain`, `close`, `reopen`, `show`. The flags of each come from its schema, as
 * for register records; times are typed on the wall clock of --time-zone (default: the incident
 * settings' zone) or with their offset.
 */
const linkReferences: ReferenceField[] = linkTables.map((l) => ({ field: `links.${l.field}`, kind: l.kind as RecordKind }));

interface Step {
  name: string;
  description: string;
  schema: z.ZodType;
  /** Changes an existing incident (then it takes the incident's reference first). */
  existing: boolean;
  extraOptions?: (command: Command) => Command;
  run: (db: RegisterConnection, incident: Incident | null, values: Record<string, unknown>, options: Record<string, unknown>) => Incident;
  said: (incident: Incident, values: Record<string, unknown>) => string;
}

const steps: Step[] = [
  {
    name: 'open',
    description: 'record a new incident (it gets the next INC-YYYY-NNN reference)',
    schema: incidentFieldsSchema,
    existing: false,
    run: (db, _incident, values) => createIncident(db, cliActor(), values),
    said: (i) => `Opened incident ${i.reference}: ${i.title} (aware ${formatZoned(i.becameAwareAt)}).`,
  },
  {
    name: 'edit',
    description: 'change the details of an incident; only the fields given change',
    schema: incidentFieldsSchema,
    existing: true,
    run: (db, incident, values) => updateIncident(db, cliActor(), incident!.id, { ...pick(incident!, incidentFieldsSchema), ...mergedLinks(incident!, values) }),
    said: (i) => `Updated incident ${i.reference}.`,
  },
  {
    name: 'assess',
    description: 'assess an incident on the DSPT grid, with the decisions on telling the ICO and the individuals and why',
    schema: assessmentFieldsSchema,
    existing: true,
    run: (db, incident, values) => assessIncident(db, cliActor(), incident!.id, { ...(incident!.assessment ? pick(incident!.assessment, assessmentFieldsSchema) : {}), ...values }),
    said: (i) => `Assessed ${i.reference}: ${i.assessment!.outcome} (likelihood ${i.assessment!.likelihood}, severity ${i.assessment!.severity}).`,
  },
  {
    name: 'notify',
    description:
      'log a notification sent (to the ICO, DARS, DHSC, the individuals or another), with the recipient’s reference: the first to a recipient is the initial report, later ones follow-ups (--kind follow-up); or correct one with --notification ID (e.g. add the acknowledgement)',
    schema: notificationFieldsSchema,
    existing: true,
    extraOptions: (command) => command.option('--notification <id>', 'the notification to correct (ids: custodian incident show REF --json)'),
    run: (db, incident, values, options) => {
      const notificationId = options.notification as string | undefined;
      if (notificationId === undefined) return recordNotification(db, cliActor(), incident!.id, values);
      const notification = incident!.notifications.find((n) => n.id === notificationId);
      if (!notification) throw new CliError(`incident ${incident!.reference} has no notification "${notificationId}" (see "custodian incident show ${incident!.reference} --json")`);
      return recordNotification(db, cliActor(), incident!.id, { ...pick(notification, notificationFieldsSchema), ...values }, notificationId);
    },
    said: (i, values) => {
      const n =
        i.notifications.find((x) => x.id === values.notificationId) ??
        i.notifications.find((x) => x.recipient === values.recipient && x.sentAt.at === (values.sentAt as { at?: string } | undefined)?.at) ??
        i.notifications.at(-1)!;
      const what = n.kind === 'follow-up' ? 'a follow-up' : 'the initial notification';
      return `Logged ${what} of ${i.reference} to ${n.recipient} sent ${formatZoned(n.sentAt)}${n.reference ? ` (their reference ${n.reference})` : ''}.`;
    },
  },
  {
    name: 'act',
    description: 'add a containment or remediation action, or change one with --action ID (e.g. --status done --completed-date …)',
    schema: actionFieldsSchema,
    existing: true,
    extraOptions: (command) => command.option('--action <id>', 'the action to change (ids: custodian incident show REF)'),
    run: (db, incident, values, options) => {
      const actionId = options.action as string | undefined;
      if (actionId === undefined) return recordAction(db, cliActor(), incident!.id, values);
      const action = incident!.actions.find((a) => a.id === actionId);
      if (!action) throw new CliError(`incident ${incident!.reference} has no action "${actionId}" (see "custodian incident show ${incident!.reference}")`);
      return recordAction(db, cliActor(), incident!.id, { ...pick(action, actionFieldsSchema), ...values }, actionId);
    },
    said: (i) => `Recorded the action on ${i.reference}; ${i.actions.filter((a) => a.status === 'open' || a.status === 'in-progress').length} still open.`,
  },
];

const statusSteps: { name: string; status: IncidentStatus; description: string }[] = [
  { name: 'contain', status: 'contained', description: 'mark an incident contained' },
  { name: 'close', status: 'closed', description: 'close an incident (refused, listing what is outstanding, until decisions, notifications and actions are done)' },
  { name: 'reopen', status: 'open', description: 'reopen an incident' },
];

export function registerIncidentLifecycle(program: Command, runtime: CliRuntime): void {
  const incident = commandGroup(program, 'incident', '');
  for (const step of steps) defineStep(incident, runtime, step);
  for (const step of statusSteps) {
    dbOption(incident.command(step.name))
      .description(step.description)
      .argument('<ref>', 'the incident: its reference (INC-2026-001) or id')
      .option('--lessons-learned <text>', 'what the organisation learned (recorded with the change)')
      .action(async (ref: string, options: { db?: string; lessonsLearned?: string }) => {
        const changed = await runtime.withDatabase(options.db, { create: false }, (opened) => {
          const db = writableRegister(opened);
          return asCliRefusal([], () => changeIncidentStatus(db, cliActor(), incidentId(db, ref), step.status, options.lessonsLearned));
        });
        runtime.out(`Incident ${changed.reference} is now ${incidentStatusLabels[changed.status].toLowerCase()}.`);
      });
  }
  dbOption(incident.command('show'))
    .description('show an incident: its details, assessment, notifications and actions (with their ids)')
    .argument('<ref>', 'the incident: its reference (INC-2026-001) or id')
    .option('--json', 'print it as JSON')
    .action(async (ref: string, options: { db?: string; json?: boolean }) => {
      const found = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => getIncident(opened.db, incidentId(writableRegister(opened), ref)));
      if (options.json) return runtime.out(JSON.stringify(found, null, 2));
      runtime.out(`${found.reference} (${incidentStatusLabels[found.status].toLowerCase()}): ${found.title}`);
      runtime.out(`  became aware: ${formatZoned(found.becameAwareAt)}`);
      if (found.icoCaseReference) runtime.out(`  ICO case reference: ${found.icoCaseReference}`);
      runtime.out(`  assessment: ${found.assessment ? `${found.assessment.outcome}; ICO: ${found.assessment.icoDecision ?? 'not decided'}; individuals: ${found.assessment.individualsDecision ?? 'not decided'}` : 'not recorded'}`);
      for (const n of found.notifications)
        runtime.out(`  notification ${n.id}: ${n.recipient}, ${notificationKindLabels[n.kind].toLowerCase()}, sent ${formatZoned(n.sentAt)} by ${n.channel}${n.reference ? `, reference ${n.reference}` : ''}${n.acknowledgedAt ? `, acknowledged ${formatZoned(n.acknowledgedAt)}` : ''}`);
      for (const a of found.actions) runtime.out(`  action ${a.id}: ${a.kind}, ${a.status}: ${a.description} (${a.owner})`);
    });
}

function defineStep(group: Command, runtime: CliRuntime, step: Step): void {
  const references = step.schema === incidentFieldsSchema ? linkReferences : [];
  const flags: Flag[] = flagsFor(fieldsOf(step.schema), references);
  const fieldNames = new Set(fieldsOf(step.schema).map((f) => f.name));
  let command = dbOption(group.command(step.name)).description(step.description);
  if (step.existing) command = command.argument('<ref>', 'the incident: its reference (INC-2026-001) or id');
  command = command
    .option('--json <file>', 'the fields as a JSON object (- reads standard input); flags win')
    .option('--time-zone <zone>', 'the IANA time zone the times are typed in (default: the incident settings’ zone, e.g. Europe/London)');
  command = step.extraOptions?.(command) ?? command;
  addFlags(command, flags, (kind) => recordTables[kind].noun, step.existing ? 'change' : 'add').action(async (...args: unknown[]) => {
    const ref = step.existing ? (args[0] as string) : null;
    const options = args[step.existing ? 1 : 0] as Record<string, unknown> & { db?: string; json?: string; timeZone?: string };
    const json = options.json ? jsonObject(await readJsonInput(runtime.io, options.json), options.json) : {};
    const unknown = Object.keys(json).filter((k) => !fieldNames.has(k));
    if (unknown.length) throw new CliError(`${options.json}: ${unknown.map((k) => `"${k}"`).join(', ')} not a field here (fields: ${[...fieldNames].join(', ')})`);
    const result = await runtime.withDatabase(options.db, { create: false }, (opened) => {
      const db = writableRegister(opened);
      const incident = ref === null ? null : getIncident(db, incidentId(db, ref));
      const timeZone = options.timeZone ?? incident?.becameAwareAt.timeZone ?? readIncidentSettings(db).defaultTimeZone;
      const resolve = (kind: RecordKind, text: string) => resolveReference(db, kind, text);
      const values = { ...linksResolved(json, resolve), ...valuesFromFlags(flags, options, { resolve, zoned: (text) => zonedTime(text, timeZone) }) };
      if (step.existing && Object.keys(values).length === 0 && step.name !== 'act') throw new CliError(`nothing to record: give the fields as flags (see "custodian incident ${step.name} --help") or --json FILE`);
      return { incident: asCliRefusal(flags, () => step.run(db, incident, values, options)), values: { ...values, notificationId: options.notification } };
    });
    runtime.out(step.said(result.incident, result.values));
  });
}

function incidentId(db: RegisterConnection, ref: string): string {
  const id = findIncidentId(db, ref.trim());
  if (!id) throw new CliError(`no incident "${ref}": give its reference (e.g. INC-2026-001, see "custodian incident list") or its id`);
  return id;
}

/** A typed time on the wall clock of `timeZone` ("2026-03-27T10:00", "2026-03-27 10:00"), or with its own offset. */
function zonedTime(text: string, timeZone: string): unknown {
  const local = text.replace(' ', 'T');
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(local)) {
    const ms = Date.parse(local);
    return Number.isNaN(ms) ? null : { at: new Date(ms).toISOString(), timeZone };
  }
  return zonedFromLocal(local, timeZone);
}

/** The fields a schema takes, picked from what is stored (so an edit keeps what it does not change). */
function pick(from: object, schema: z.ZodType): Record<string, unknown> {
  const names = new Set(fieldsOf(schema).map((f) => f.name));
  return Object.fromEntries(Object.entries(from).filter(([key]) => names.has(key)));
}

/** A link flag in an edit replaces that one list (--dsa: the DSAs); the other lists are kept. */
function mergedLinks(incident: Incident, values: Record<string, unknown>): Record<string, unknown> {
  if (!values.links) return values;
  return { ...values, links: { ...incident.links, ...(values.links as object) } };
}

function linksResolved(json: Record<string, unknown>, resolve: (kind: RecordKind, text: string) => string): Record<string, unknown> {
  if (!json.links || typeof json.links !== 'object') return json;
  const links = resolveJsonReferences(json.links as Record<string, unknown>, linkTables.map((l) => ({ field: l.field, kind: l.kind as RecordKind })), resolve);
  return { ...json, links };
}
