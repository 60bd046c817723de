import type { Command } from 'commander';
import { dpoContactLine, incidentSettingsSchema } from '../../../shared/incidents/incident-settings';
import { describeDestructionRule } from '../../../shared/reports/holdings-report-model';
import { settingsSchema } from '../../../shared/settings/settings';
import { readSettings, writeSettings } from '../../db/settings-repository';
import { readIncidentSettings, writeIncidentSettings } from '../../incidents/incident-settings-store';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { asCliRefusal, cliActor, writableRegister } from '../records/cli-writes';
import { addFlags, flagsFor, valuesFromFlags } from '../records/field-flags';
import { fieldsOf } from '../records/schema-fields';
import { dbOption, type CliRuntime } from '../runtime';

/**
 * `custodian settings show|set`: the settings the app's Settings screen and incident settings panel
 * edit (organisation name, display name, the default destruction rule, the DPO's contact details,
 * the DARS target, the time zone), written by the same functions, so they are audited as in the
 * app: the incident settings with an audit entry, the app's general settings as the app does.
 * The flags come from the two settings schemas; the DSPT grid is edited in the app.
 */
const appFlags = flagsFor(fieldsOf(settingsSchema), []);
const incidentFlags = flagsFor(
  fieldsOf(incidentSettingsSchema).filter((f) => f.name !== 'grid'),
  [],
);

export function registerSettings(program: Command, runtime: CliRuntime): void {
  const settings = commandGroup(program, 'settings', '');

  dbOption(settings.command('show'))
    .description('show the settings: organisation, default destruction rule, DPO contact, DARS target, time zone')
    .option('--json', 'print them as JSON (the incident settings include the DSPT grid)')
    .action(async (options: { db?: string; json?: boolean }) => {
      const { app, incidents } = await runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => {
        const db = writableRegister(opened);
        return { app: readSettings(db), incidents: readIncidentSettings(db) };
      });
      if (options.json) return runtime.out(JSON.stringify({ ...app, ...incidents }, null, 2));
      runtime.out(`Organisation name:        ${app.organisationName || 'not set (custodian settings set --organisation-name "…")'}`);
      runtime.out(`Display name:             ${app.displayName || 'not set (the audit log names the OS user)'}`);
      runtime.out(`Default destruction rule: ${describeDestructionRule(app.defaultDestructionRule)}`);
      runtime.out(`DPO contact:              ${dpoContactLine(incidents.dpo) ?? 'not set (custodian settings set --dpo-name "…" --dpo-email …)'}`);
      runtime.out(`DARS target:              ${incidents.darsTargetHours} hours after becoming aware`);
      runtime.out(`Time zone:                ${incidents.defaultTimeZone}`);
    });

  const set = dbOption(settings.command('set')).description('change settings; only those given change ("" clears a text)');
  addFlags(set, [...appFlags, ...incidentFlags], (kind) => kind, 'change').action(async (options: Record<string, unknown> & { db?: string }) => {
    const resolve = () => {
      throw new CliError('settings name no records');
    };
    const app = valuesFromFlags(appFlags, options, { resolve });
    const incident = valuesFromFlags(incidentFlags, options, { resolve });
    if (Object.keys(app).length + Object.keys(incident).length === 0) throw new CliError('nothing to change: give a setting, e.g. --organisation-name "University of Exampleton" (see "custodian settings set --help")');
    await runtime.withDatabase(options.db, { create: false }, (opened) => {
      const db = writableRegister(opened);
      const parsed = settingsSchema.partial().safeParse(app);
      if (!parsed.success) throw new CliError(`${flagOf(appFlags, parsed.error.issues[0]?.path ?? [])}: ${parsed.error.issues[0]?.message}`);
      if (incident.dpo) incident.dpo = { ...readIncidentSettings(db).dpo, ...(incident.dpo as object) };
      const checked = incidentSettingsSchema.partial().safeParse(incident);
      if (!checked.success) throw new CliError(`${flagOf(incidentFlags, checked.error.issues[0]?.path ?? [])}: ${checked.error.issues[0]?.message}`);
      db.transaction(() => {
        if (Object.keys(app).length) writeSettings(db, parsed.data);
        if (Object.keys(incident).length) asCliRefusal(incidentFlags, () => writeIncidentSettings(db, cliActor(), checked.data));
      })();
    });
    runtime.out(`Settings saved: ${[...Object.keys(app), ...Object.keys(incident)].join(', ')}.`);
  });
}

function flagOf(flags: ReturnType<typeof flagsFor>, path: readonly PropertyKey[]): string {
  const flag = flags.find((f) => f.path.every((part, i) => path[i] === part));
  return flag ? `--${flag.word}` : path.join('.');
}
