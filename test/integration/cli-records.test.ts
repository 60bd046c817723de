import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import type { ApiResponse } from '../../shared/ipc/contract';
import { extractPdfText } from '../helpers/pdf-text';
import { runCliCaptured, type CliRun } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';
import { flagWord, kindDefinitions } from '../../electron/cli/records/record-kinds';
import { fieldsOf } from '../../electron/cli/records/schema-fields';
import { recordSchemas } from '../../shared/register/records';

const NIC = 'DARS-NIC-00574-V2H1F';
const VERSION = `${NIC}-v4.2`;
const AS_OF = '2026-06-01';

/** `custodian add|update|archive|restore|show|list`, settings and incidents: a whole register from the CLI alone. */
describe('every record from the CLI', () => {
  const temp = useTempDir();

  function cli(db: string) {
    return async (args: string[], stdin?: string): Promise<CliRun> => runCliCaptured([...args, '--db', db], {}, stdin === undefined ? {} : { stdin });
  }

  /** Runs a command that must succeed and returns what it printed. */
  function ok(run: (args: string[], stdin?: string) => Promise<CliRun>) {
    return async (args: string[], stdin?: string): Promise<string> => {
      const result = await run(args, stdin);
      expect(result, `custodian ${args.join(' ')}`).toMatchObject({ code: 0, stderr: '' });
      return result.stdout;
    };
  }

  async function buildRegister(db: string) {
    const run = ok(cli(db));
    expect(await run(['init'])).toContain('Created register');
    await run(['settings', 'set', '--organisation-name', 'University of Exampleton', '--dpo-name', 'Dr A Example', '--dpo-email', 'dpo@exampleton.ac.uk']);
    await run(['add', 'organisation', '--legal-name', 'University of Exampleton', '--ods-code', 'EXU01', '--roles', 'controller,applicant', '--ico-registration-number', 'Z1234567', '--ico-renewal-date', '2027-03-31']);
    // Fields from JSON on standard input, as a script would pipe them.
    await run(['add', 'organisation', '--json', '-'], JSON.stringify({ legalName: 'North of England Commissioning Support Unit', roles: ['processor'], icoRegistrationNumber: 'ZA123456', icoRenewalDate: '2027-01-15' }));
    await run(['add', 'dsfc', '--reference', 'CON-622644-N9S3P-v2.03', '--controller', 'EXU01', '--signed-date', '2024-02-01']);
    await run(['add', 'dsa', '--nic-reference', NIC, '--title', 'Outcomes after hip replacement']);
    await run(['add', 'version', '--dsa', NIC, '--version', '4.2', '--start-date', '2025-04-01', '--end-date', '2028-03-31', '--party', 'University of Exampleton=controller:sole', '--party', 'North of England Commissioning Support Unit=processor', '--dsfc', 'CON-622644-N9S3P-v2.03']);
    await run(['add', 'dataset', '--dsa-version', VERSION, '--name', 'Hospital Episode Statistics Admitted Patient Care', '--type-of-data', 'Pseudonymised']);
    await run(['add', 'location', '--name', 'Exampleton Secure Data Environment', '--operator', 'University of Exampleton', '--kind', 'trusted-research-environment', '--country', 'England']);
    await run(['add', 'location', '--name', 'NECS backup vault', '--operator', 'North of England Commissioning Support Unit', '--kind', 'backup', '--country', 'England']);
    for (const [organisation, location] of [['University of Exampleton', 'Exampleton Secure Data Environment'], ['North of England Commissioning Support Unit', 'NECS backup vault']] as const)
      await run(['add', 'assurance', '--organisation', organisation, '--kind', 'DSPT', '--dspt-year', '2025/26', '--dspt-status', 'Standards Met', '--expiry-date', '2026-06-30', '--covered-location', location]);
    await run(['add', 'approval', '--dsa-version', VERSION, '--location', 'Exampleton Secure Data Environment', '--role', 'storage']);
    await run(['add', 'holding', '--dsa-version', VERSION, '--dataset', 'Hospital Episode Statistics Admitted Patient Care', '--dars-file-reference', 'NIC00574_HES_APC_2025', '--received-date', '2025-05-01', '--record-count', '125000']);
    await run(['add', 'copy', '--holding', 'NIC00574_HES_APC_2025', '--location', 'Exampleton Secure Data Environment', '--kind', 'primary', '--created-date', '2025-05-02']);
    await run(['add', 'copy', '--holding', 'NIC00574_HES_APC_2025', '--location', 'NECS backup vault', '--kind', 'backup', '--created-date', '2025-05-03']);
    await run(['add', 'obligation', '--kind', 'special-condition', '--dsa-version', VERSION, '--text', 'Submit outputs to NHS England before publication', '--due-date', '2026-09-30']);
    return run;
  }

  it('builds a whole register, and findings and the holdings report then show what the app shows', async () => {
    const db = temp.path('register.sqlite');
    const run = await buildRegister(db);

    // An incident two days old whose DARS target (24 hours) has passed and whose ICO clock is running.
    await run(['incident', 'open', '--title', 'Backup taken to an unapproved vault', '--description', 'The backup copy went to the NECS vault.', '--type', 'undeclared-location', '--became-aware-at', '2026-05-31T10:00', '--copy', (JSON.parse(await run(['list', 'copies', '--json'])) as { id: string }[])[1]!.id]);

    // The backup copy sits at a location the version does not approve, and the incident's clocks run:
    // the app's findings for the same register, from the CLI.
    const findings = await cli(db)(['findings', '--as-of', AS_OF, '--json']);
    expect(findings.code).toBe(1);
    const cliFindings = JSON.parse(findings.stdout).findings as { id: string; code: string; title: string }[];
    expect(cliFindings.map((f) => f.code).sort()).toEqual(['COPY_AT_UNAPPROVED_LOCATION', 'INCIDENT_NOTIFICATION_DUE', 'INCIDENT_NOTIFICATION_OVERDUE']);
    expect(cliFindings.find((f) => f.code === 'COPY_AT_UNAPPROVED_LOCATION')!.title).toContain('NECS backup vault');
    const { context } = createServiceContext({ databasePath: db, appVersion: 't' });
    const app = await dispatch(handlerTable, context, 'findings.list', { asOf: AS_OF });
    expect((app.ok ? (app.value as ApiResponse<'findings.list'>).findings : []).map((f) => f.id)).toEqual(cliFindings.map((f) => f.id));
    context.db.close();

    // Approving the vault for backups clears that finding.
    await run(['add', 'approval', '--dsa-version', VERSION, '--location', 'NECS backup vault', '--role', 'backup']);
    const after = JSON.parse((await cli(db)(['findings', '--as-of', AS_OF, '--json'])).stdout).findings as { code: string }[];
    expect(after.map((f) => f.code).sort()).toEqual(['INCIDENT_NOTIFICATION_DUE', 'INCIDENT_NOTIFICATION_OVERDUE']);

    const report = temp.path('holdings.pdf');
    await run(['report', 'holdings', '--dsa', NIC, '--output', report, '--as-of', AS_OF]);
    // Table cells wrap, so the words of a name may be on several lines.
    const text = (await extractPdfText(readFileSync(report))).pages.join('\n').replace(/\s+/g, ' ');
    for (const expected of ['University of Exampleton', 'NIC00574_HES_APC_2025', 'Exampleton Secure Data Environment', 'NECS backup vault', 'North of England Commissioning Support Unit'])
      expect(text).toContain(expected);
    expect(text).not.toContain('Organisation name not set');
  });

  it('offers a flag for every field of every record the app can create, with the schema’s values', async () => {
    for (const definition of kindDefinitions.filter((d) => d.writable)) {
      const help = (await runCliCaptured(['add', definition.name, '--help'])).stdout;
      for (const field of fieldsOf(recordSchemas[definition.kind]).filter((f) => f.name !== 'id' && f.name !== 'archived')) {
        const words = field.shape.type === 'object' ? field.shape.fields.map((sub) => `${field.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${sub.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`) : [flagWord(field.name)];
        for (const word of words) expect(help, `${definition.name}.${field.name}`).toMatch(new RegExp(`^ {2}--${word} `, 'm'));
      }
    }
    const location = (await runCliCaptured(['add', 'location', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(location).toContain('--operator <id-or-name> operator organisation (required); an organisation, by id or name');
    expect(location).toContain('--kind <value> kind (required); one of: on-premises-server, cloud-region, trusted-research-environment, backup, disaster-recovery, end-user-device, paper-store');
  });

  it('names records by the keys people know, refuses unknown and ambiguous names in one line, and audits each change as the app does', async () => {
    const db = temp.path('register.sqlite');
    const run = await buildRegister(db);
    const raw = cli(db);

    const unknown = await raw(['add', 'copy', '--holding', 'NIC00574_HES_APC_2025', '--location', 'Nowhere', '--kind', 'derived', '--created-date', '2025-06-01']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('custodian: no location "Nowhere": give its id or its name (see "custodian list locations")\n');

    await run(['add', 'location', '--name', 'Laptop', '--operator', 'EXU01', '--kind', 'end-user-device', '--country', 'England']);
    await run(['add', 'location', '--name', 'Laptop', '--operator', 'EXU01', '--kind', 'end-user-device', '--country', 'Wales']);
    const ambiguous = await raw(['add', 'copy', '--holding', 'NIC00574_HES_APC_2025', '--location', 'Laptop', '--kind', 'derived', '--created-date', '2025-06-01']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/^custodian: "Laptop" names 2 locations; give the id instead: [\w-]+, [\w-]+\n$/);

    const refused = await raw(['add', 'location', '--name', 'Somewhere', '--operator', 'EXU01', '--kind', 'cloud-region']);
    expect(refused).toMatchObject({ code: 2, stderr: 'custodian: --country: is required\n' });

    // Update changes only what is given; archive and restore; list filters by the DSA's NIC reference.
    expect(await run(['update', 'location', 'NECS backup vault', '--address', 'Durham'])).toMatch(/^Updated location NECS backup vault/);
    const shown = JSON.parse(await run(['show', 'location', 'NECS backup vault', '--json']));
    expect(shown.record).toMatchObject({ name: 'NECS backup vault', address: 'Durham', country: 'England', kind: 'backup' });
    const copies = JSON.parse(await run(['list', 'copies', '--dsa', NIC, '--json']));
    expect(copies.map((c: { kind: string }) => c.kind)).toEqual(['primary', 'backup']);
    const backup = copies[1].id as string;
    await run(['archive', 'copy', backup]);
    expect(JSON.parse(await run(['list', 'copies', '--dsa', NIC, '--json']))).toHaveLength(1);
    expect(await run(['list', 'copies', '--archived'])).toContain(backup);
    await run(['restore', 'copy', backup]);

    // Each change is in the audit log as the app writes it: the action, the kind, before and after.
    const audit = JSON.parse(await run(['audit', 'list', '--record', shown.record.id, '--json']));
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit[0]).toMatchObject({ recordKind: 'location', before: { address: null }, after: shown.record });
    expect(await run(['audit', 'list', '--kind', 'copy', '--record', backup])).toMatch(/restore[\s\S]*archive[\s\S]*create/);
    expect((await raw(['audit', 'verify'])).code).toBe(0);
  });

  it('takes fields from a JSON file with references by name, and refuses bad values in one line naming the flag', async () => {
    const db = temp.path('register.sqlite');
    const run = await buildRegister(db);
    const raw = cli(db);
    const file = temp.path('location.json');
    writeFileSync(file, JSON.stringify({ name: 'AWS London', operatorOrganisationId: 'North of England Commissioning Support Unit', kind: 'cloud-region', country: 'England', cloudProvider: 'AWS' }));
    expect(await run(['add', 'location', '--json', file, '--cloud-region', 'eu-west-2'])).toMatch(/^Added location AWS London \(id [\w-]+\)\.\n$/);
    expect(JSON.parse(await run(['show', 'location', 'AWS London', '--json'])).record).toMatchObject({ cloudProvider: 'AWS', cloudRegion: 'eu-west-2', kind: 'cloud-region' });

    writeFileSync(file, JSON.stringify({ name: 'X', colour: 'blue' }));
    const oneLine = async (args: string[], message: string) => {
      const result = await raw(args);
      expect(result, args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: `custodian: ${message}\n` });
    };
    await oneLine(['add', 'location', '--json', file], `${file}: "colour" is not a field of a location (its fields: name, operatorOrganisationId, hostedByOrganisationId, kind, address, cloudProvider, cloudRegion, country)`);
    await oneLine(['add', 'location', '--json', temp.path('missing.json')], `cannot read ${temp.path('missing.json')}: no such file`);
    await oneLine(['update', 'holding', 'NIC00574_HES_APC_2025', '--record-count', 'many'], '--record-count must be a number, not "many"');
    await oneLine(['update', 'version', VERSION, '--commercial', 'maybe'], '--commercial takes yes or no, not "maybe"');
    await oneLine(['update', 'version', VERSION, '--destruction-rule', 'weekly:3'], '--destruction-rule must start with one of days-after-end, fixed-date, rolling, not "weekly:3"');
    await oneLine(['update', 'version', VERSION, '--party', 'University of Exampleton'], '--party must be written organisation=role:controllerType, not "University of Exampleton"');
    await oneLine(['update', 'location', 'AWS London'], 'nothing to change: give the fields to change as flags (see "custodian update location --help") or --json FILE');
    await oneLine(['update', 'dsfc', 'CON-622644-N9S3P-v2.03', '--signed-date', '2024-02-30'], '--signed-date: is not a real calendar date');
  });

  it('uses the default destruction rule from settings for a new version given none', async () => {
    const db = temp.path('register.sqlite');
    const run = await buildRegister(db);
    await run(['settings', 'set', '--default-destruction-rule', 'days-after-end:60']);
    expect(await run(['settings', 'show'])).toContain('Default destruction rule: Destroy every copy within 60 days after the end date');
    await run(['add', 'version', '--dsa', NIC, '--version', '5', '--start-date', '2028-04-01', '--end-date', '2029-03-31', '--predecessor', VERSION, '--status', 'draft']);
    expect(JSON.parse(await run(['show', 'version', `${NIC} v5`, '--json'])).record.destructionRule).toEqual({ kind: 'days-after-end', days: 60 });
    // So does every version a Data Uses Register import creates (the register says nothing about destruction).
    const imported = temp.path('imported.sqlite');
    const fresh = ok(cli(imported));
    await fresh(['init']);
    await fresh(['settings', 'set', '--default-destruction-rule', 'rolling:26']);
    await fresh(['import', 'dur', 'test/fixtures/dur/Agreements.csv', 'test/fixtures/dur/Datasets.csv', 'test/fixtures/dur/DataReleases.csv']);
    const rules = (JSON.parse(await fresh(['list', 'versions', '--json'])) as { destructionRule: unknown }[]).map((v) => v.destructionRule);
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ kind: 'rolling', weeks: 26 })]));

    // One part of a nested field changes alone; a rule given whole replaces the old one.
    await run(['update', 'version', VERSION, '--lawful-bases-article6', '6(1)(e)', '--destruction-rule', 'fixed-date:2028-06-30']);
    await run(['update', 'version', VERSION, '--lawful-bases-article9', '9(2)(j)']);
    const updated = JSON.parse(await run(['show', 'version', VERSION, '--json'])).record;
    expect(updated.lawfulBases).toMatchObject({ article6: '6(1)(e)', article9: '9(2)(j)', commonLawBasis: null });
    expect(updated.destructionRule).toEqual({ kind: 'fixed-date', date: '2028-06-30' });
    // The NIC reference alone is ambiguous once the DSA has two versions.
    const ambiguous = await cli(db)(['show', 'version', NIC]);
    expect(ambiguous.stderr).toMatch(/^custodian: "DARS-NIC-00574-V2H1F" names 2 DSA versions \(versions 4\.2, 5: name one/);
  });

  it('takes an incident from open to closed: assess, notify with the recipient’s reference, act, close', async () => {
    const db = temp.path('register.sqlite');
    const run = await buildRegister(db);
    const opened = await run(['incident', 'open', '--title', 'Extract copied to a laptop', '--description', 'An analyst copied the HES extract to a laptop.', '--type', 'undeclared-location', '--became-aware-at', '2026-03-27T10:00', '--dsa', NIC, '--location', 'Exampleton Secure Data Environment', '--data-categories', 'health', '--staff-involved', 'Research analyst=yes']);
    expect(opened).toBe('Opened incident INC-2026-001: Extract copied to a laptop (aware 27 March 2026, 10:00 GMT).\n');
    await run(['incident', 'assess', 'INC-2026-001', '--likelihood', '4', '--severity', '2', '--ico-decision', 'notify', '--ico-decision-reason', 'Health data about patients', '--individuals-decision', 'do-not-tell', '--individuals-decision-reason', 'Contained within hours']);
    expect(await run(['incident', 'notify', 'INC-2026-001', '--recipient', 'dars', '--sent-at', '2026-03-27T15:00', '--channel', 'email', '--reference', 'DARS-INC-77'])).toContain('(their reference DARS-INC-77)');
    await run(['incident', 'notify', 'INC-2026-001', '--recipient', 'ico', '--sent-at', '2026-03-28T09:00', '--channel', 'dspt-incident-tool', '--reference', 'ICO-0042']);
    await run(['incident', 'act', 'INC-2026-001', '--kind', 'containment', '--description', 'Wipe the laptop', '--owner', 'IG lead']);

    const refused = await cli(db)(['incident', 'close', 'INC-2026-001']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('custodian: INC-2026-001 cannot be closed while this is outstanding: (1) The containment action "Wipe the laptop" (owner IG lead) is still open.\n');
    const action = JSON.parse(await run(['incident', 'show', 'INC-2026-001', '--json'])).actions[0].id as string;
    await run(['incident', 'act', 'INC-2026-001', '--action', action, '--status', 'done', '--completed-date', '2026-03-28']);
    expect(await run(['incident', 'close', 'INC-2026-001', '--lessons-learned', 'Block USB storage'])).toBe('Incident INC-2026-001 is now closed.\n');

    // The ICO's acknowledgement, added to the notification already logged.
    const ico = JSON.parse(await run(['incident', 'show', 'INC-2026-001', '--json'])).notifications.find((n: { recipient: string }) => n.recipient === 'ico').id as string;
    await run(['incident', 'notify', 'INC-2026-001', '--notification', ico, '--acknowledged-at', '2026-03-28T11:30', '--acknowledgement-reference', 'ICO-ACK-9']);

    const shown = JSON.parse(await run(['incident', 'show', 'INC-2026-001', '--json']));
    expect(shown.notifications.map((n: { recipient: string; reference: string; acknowledgementReference: string | null }) => [n.recipient, n.reference, n.acknowledgementReference])).toEqual([
      ['dars', 'DARS-INC-77', null],
      ['ico', 'ICO-0042', 'ICO-ACK-9'],
    ]);
    expect(JSON.parse(await run(['audit', 'list', '--kind', 'incident', '--json'])).map((e: { action: string }) => e.action)).toEqual(['notification', 'close', 'action', 'action', 'notification', 'notification', 'assess', 'create']);

    // The incident report carries the DPO set from the CLI (Art 33(3)(b)).
    const pdf = temp.path('incident.pdf');
    await run(['incident', 'report', 'INC-2026-001', '--output', pdf]);
    expect((await extractPdfText(readFileSync(pdf))).pages.join('\n').replace(/\s+/g, ' ')).toContain('Dr A Example, dpo@exampleton.ac.uk');
  });
});
