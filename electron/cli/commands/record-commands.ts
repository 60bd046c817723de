import { Option, type Command } from 'commander';
import type { RegisterConnection } from '../../db/register-connection';
import { filtersByKind, MAX_PAGE_SIZE, type ListFilterName, type RegisterListRequest } from '../../../shared/register/register-api';
import { recordSchemas, type RecordKind } from '../../../shared/register/records';
import { filterNamingKind } from '../../register/list-specs';
import { recordTables } from '../../register/record-tables';
import { listRecords } from '../../register/register-list';
import { archiveRecord, createRecord, getRecord, patchRecord, restoreRecord, sameRecord } from '../../register/register-service';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { jsonObject, readJsonInput } from '../json-input';
import { addFlags, article, flagsFor, resolveJsonReferences, valuesFromFlags, type Flag, type ReferenceField } from '../records/field-flags';
import { asCliRefusal, cliActor, writableRegister } from '../records/cli-writes';
import { flagWord, kindDefinitions, type KindDefinition } from '../records/record-kinds';
import { resolveReference } from '../records/record-references';
import { fieldsOf } from '../records/schema-fields';
import { dbOption, type CliRuntime } from '../runtime';

/**
 * `custodian add|update|archive|restore|show|list <kind>`: every kind of register record from the
 * CLI, through the register service the app uses (validated by the record's zod schema, references
 * and unique values checked, each change written with its audit entry). The subcommands and their
 * flags are made from kindDefinitions (records/record-kinds.ts) and the schemas, not written per kind.
 */
export function registerRecordCommands(program: Command, runtime: CliRuntime): void {
  const add = commandGroup(program, 'add', '');
  const update = commandGroup(program, 'update', '');
  const archive = commandGroup(program, 'archive', '');
  const restore = commandGroup(program, 'restore', '');
  const show = commandGroup(program, 'show', '');
  const list = commandGroup(program, 'list', '');
  for (const definition of kindDefinitions) {
    const kind = new RecordKindCommands(runtime, definition);
    if (definition.writable) {
      kind.defineAdd(add);
      kind.defineUpdate(update);
    }
    kind.defineArchive(archive, true);
    kind.defineArchive(restore, false);
    kind.defineShow(show);
    kind.defineList(list);
  }
}

const nounOf = (kind: RecordKind) => recordTables[kind].noun;

class RecordKindCommands {
  private readonly noun: string;
  private readonly fieldNames: Set<string>;
  private readonly references: ReferenceField[];
  private readonly flags: Flag[];
  /** Fields with one flag per part (lawfulBases). */
  private readonly nestedFields: Set<string>;

  constructor(
    private readonly runtime: CliRuntime,
    private readonly definition: KindDefinition,
  ) {
    this.noun = nounOf(definition.kind);
    const fields = fieldsOf(recordSchemas[definition.kind]).filter((f) => f.name !== 'id' && f.name !== 'archived');
    this.fieldNames = new Set(fields.map((f) => f.name));
    this.references = recordTables[definition.kind].references.map((r) => ({ field: r.field, kind: r.kind, itemField: r.itemField }));
    this.flags = flagsFor(fields, this.references);
    this.nestedFields = new Set(this.flags.filter((f) => f.path.length === 2).map((f) => f.path[0]!));
  }

  defineAdd(group: Command): void {
    const command = dbOption(group.command(this.definition.name))
      .description(`add ${article(this.noun)} (fields from flags, or --json FILE; flags win)`)
      .option('--json <file>', 'the fields as a JSON object (- reads standard input); references may be ids or names');
    addFlags(command, this.flags, nounOf, 'add').action(async (options: Record<string, unknown> & { db?: string; json?: string }) => {
      const json = await this.jsonFields(options.json);
      const { record, label } = await this.write(options.db, (db, resolve) => {
        const values = { ...resolveJsonReferences(json, this.references, resolve), ...valuesFromFlags(this.flags, options, { resolve }) };
        return createRecord(db, cliActor(), this.definition.kind, values as never) as { id: string };
      });
      this.runtime.out(`Added ${this.noun} ${label} (id ${record.id}).`);
    });
  }

  defineUpdate(group: Command): void {
    const command = dbOption(group.command(this.definition.name))
      .description(`change fields of ${article(this.noun)}; only the fields given change (a list flag replaces the list)`)
      .argument('<ref>', this.refHelp())
      .option('--json <file>', 'the fields to change as a JSON object (- reads standard input)');
    addFlags(command, this.flags, nounOf, 'change').action(async (ref: string, options: Record<string, unknown> & { db?: string; json?: string }) => {
      const json = await this.jsonFields(options.json);
      let changed = true;
      const { record, label } = await this.write(options.db, (db, resolve) => {
        const id = resolve(this.definition.kind, ref);
        const patch: Record<string, unknown> = { ...resolveJsonReferences(json, this.references, resolve), ...valuesFromFlags(this.flags, options, { resolve }) };
        if (Object.keys(patch).length === 0) throw new CliError(`nothing to change: give the fields to change as flags (see "custodian update ${this.definition.name} --help") or --json FILE`);
        const before = getRecord(db, this.definition.kind, id).record as Record<string, unknown>;
        // A flag for one part of a nested field (--lawful-bases-article6) keeps its other parts; a
        // whole value (--destruction-rule fixed-date:…) replaces the old one.
        for (const field of this.nestedFields)
          if (patch[field] && typeof patch[field] === 'object' && before[field] && typeof before[field] === 'object') patch[field] = { ...(before[field] as object), ...(patch[field] as object) };
        const after = patchRecord(db, cliActor(), this.definition.kind, id, patch as never);
        changed = !sameRecord(before, after);
        return after as { id: string };
      });
      this.runtime.out(changed ? `Updated ${this.noun} ${label} (id ${record.id}).` : `No change: ${this.noun} ${label} already has those values.`);
    });
  }

  defineArchive(group: Command, archived: boolean): void {
    dbOption(group.command(this.definition.name))
      .description(archived ? `archive ${article(this.noun)}: it stays in the register and its history, and findings ignore it` : `restore an archived ${this.noun}`)
      .argument('<ref>', this.refHelp())
      .action(async (ref: string, options: { db?: string }) => {
        let was = false;
        const { record, label } = await this.write(options.db, (db, resolve) => {
          const id = resolve(this.definition.kind, ref);
          was = (getRecord(db, this.definition.kind, id).record as { archived: boolean }).archived === archived;
          return (archived ? archiveRecord : restoreRecord)(db, cliActor(), this.definition.kind, id) as { id: string };
        });
        const verb = archived ? 'archived' : 'restored';
        this.runtime.out(was ? `The ${this.noun} ${label} (id ${record.id}) was already ${archived ? 'archived' : 'current'}.` : `${verb[0]!.toUpperCase()}${verb.slice(1)} ${this.noun} ${label} (id ${record.id}).`);
      });
  }

  defineShow(group: Command): void {
    dbOption(group.command(this.definition.name))
      .description(`show ${article(this.noun)}: its fields, what it refers to and what refers to it`)
      .argument('<ref>', this.refHelp())
      .option('--json', 'print it as JSON (record, label, labels of what it refers to, related records)')
      .action(async (ref: string, options: { db?: string; json?: boolean }) => {
        const result = await this.runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) =>
          getRecord(writableRegister(opened), this.definition.kind, resolveReference(opened.db, this.definition.kind, ref)),
        );
        if (options.json) return this.runtime.out(JSON.stringify(result, null, 2));
        const record = result.record as Record<string, unknown>;
        this.runtime.out(`${this.noun} ${result.label}${record.archived ? ' (archived)' : ''}`);
        for (const [field, value] of Object.entries(record)) this.runtime.out(`  ${field}: ${this.shown(field, value, result.labels)}`);
        for (const group of result.related)
          if (group.total > 0) this.runtime.out(`  ${group.total} ${group.total === 1 ? nounOf(group.kind) : (kindDefinitions.find((d) => d.kind === group.kind)?.plural ?? group.kind)} (custodian list ${kindDefinitions.find((d) => d.kind === group.kind)?.plural} --${flagWord(group.via)} ${record.id})`);
      });
  }

  defineList(group: Command): void {
    // The id filters, one flag each; the yes/no and fact filters (flagged, holdingState) are the app's lists'.
    const filters = (filtersByKind[this.definition.kind] as readonly ListFilterName[]).filter((f) => f !== 'archived' && f !== 'live' && f !== 'flagged' && f !== 'holdingState');
    const command = dbOption(group.command(this.definition.plural).alias(this.definition.name))
      .description(`list ${this.definition.plural} (current ones; --archived for archived ones, --all for both)`)
      .option('--search <words>', 'only those with every word in their text fields or the names they refer to')
      .option('--archived', 'only archived ones')
      .option('--all', 'current and archived ones')
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print them as JSON, with the labels of what they refer to');
    if ((filtersByKind[this.definition.kind] as readonly string[]).includes('live')) command.option('--live [yes|no]', 'only live copies (not destroyed), or with "no" only destroyed ones');
    const kindOfFilter = Object.fromEntries(Object.entries(filterNamingKind).map(([kind, filter]) => [filter, kind as RecordKind]));
    for (const filter of filters) command.option(`--${flagWord(filter)} <id-or-name>`, `only those of this ${nounOf(kindOfFilter[filter]!)}`);
    command.action(async (options: Record<string, string | boolean | undefined> & { db?: string; limit?: string; json?: boolean; search?: string }) => {
      const limit = options.limit === undefined ? Infinity : Number(options.limit);
      if (!Number.isInteger(limit) && limit !== Infinity) throw new CliError(`--limit must be a whole number, not "${options.limit}"`);
      const page = await this.runtime.withDatabase(options.db, { create: false, readonly: true }, (opened) => {
        const db = writableRegister(opened);
        const chosen: Record<string, string | boolean> = {};
        if (!options.all) chosen.archived = Boolean(options.archived);
        if (options.live !== undefined) chosen.live = options.live === true || /^(yes|true|y|1)$/i.test(String(options.live));
        for (const filter of filters) {
          const value = options[new Option(`--${flagWord(filter)} <x>`).attributeName()];
          if (typeof value === 'string') chosen[filter] = resolveReference(db, kindOfFilter[filter]!, value);
        }
        return this.allPages(db, chosen, options.search, limit);
      });
      if (options.json) return this.runtime.out(JSON.stringify(page.records.map((r) => ({ ...r, label: page.labels[r.id] ?? r.id })), null, 2));
      const width = Math.min(70, Math.max(0, ...page.records.map((r) => (page.labels[r.id] ?? r.id).length)));
      for (const r of page.records) this.runtime.out(`${(page.labels[r.id] ?? r.id).padEnd(width)}  ${r.id}${r.archived ? '  (archived)' : ''}`);
      this.runtime.out(`(${page.records.length < page.total ? `${page.records.length} of ` : ''}${page.total} ${page.total === 1 ? this.noun : this.definition.plural})`);
    });
  }

  private allPages(db: RegisterConnection, filters: Record<string, string | boolean>, search: string | undefined, limit: number) {
    const records: { id: string; archived: boolean }[] = [];
    const labels: Record<string, string> = {};
    let total: number;
    do {
      const size = Math.min(MAX_PAGE_SIZE, limit - records.length);
      const page = listRecords(db, { kind: this.definition.kind, offset: records.length, limit: size, filters, search } as RegisterListRequest);
      total = page.total;
      records.push(...(page.records as { id: string; archived: boolean }[]));
      Object.assign(labels, page.labels);
      if (page.records.length < size) break;
    } while (records.length < Math.min(total, limit));
    return { records, labels, total };
  }

  private shown(field: string, value: unknown, labels: Record<string, string>): string {
    const label = (id: unknown) => (typeof id === 'string' && labels[id] ? `${labels[id]} (${id})` : JSON.stringify(id));
    if (this.references.some((r) => r.field === field && !r.itemField)) return Array.isArray(value) ? value.map(label).join(', ') || '[]' : value === null ? 'null' : label(value);
    if (typeof value === 'string') return value;
    return JSON.stringify(value, (key, v: unknown) => (key === 'organisationId' && typeof v === 'string' && labels[v] ? `${labels[v]} (${v})` : v));
  }

  private refHelp(): string {
    const keys = this.definition.keys.map((k) => k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`));
    if (this.definition.kind === 'dsaVersion') return 'the version: its id, or e.g. DARS-NIC-00574-V2H1F-v4.2';
    return `the ${this.noun}: its id${keys.length ? ` or ${keys.join(' or ')}` : ''}`;
  }

  private async jsonFields(file: string | undefined): Promise<Record<string, unknown>> {
    if (file === undefined) return {};
    const where = file === '-' ? 'standard input' : file;
    const fields = jsonObject(await readJsonInput(this.runtime.io, file), where);
    const unknown = Object.keys(fields).filter((key) => !this.fieldNames.has(key));
    if (unknown.length > 0) throw new CliError(`${where}: ${unknown.map((k) => `"${k}"`).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of ${article(this.noun)} (its fields: ${[...this.fieldNames].join(', ')})`);
    return fields;
  }

  /** Opens the register, runs one write and reads back the record's label; a refusal names the flag. */
  private async write(db: string | undefined, work: (db: RegisterConnection, resolve: (kind: RecordKind, text: string) => string) => { id: string }) {
    return this.runtime.withDatabase(db, { create: false }, (opened) => {
      const register = writableRegister(opened);
      const record = asCliRefusal(this.flags, () => work(register, (kind, text) => resolveReference(register, kind, text)));
      return { record, label: getRecord(register, this.definition.kind, record.id).label };
    });
  }
}
