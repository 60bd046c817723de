import { Option, type Command } from 'commander';
import type { RecordKind } from '../../../shared/register/records';
import { CliError } from '../cli-error';
import { flagWord } from './record-kinds';
import type { FieldShape, FieldSpec } from './schema-fields';

/**
 * One command-line flag per field of a schema (fields of a nested object get one each:
 * `--lawful-bases-article6`), with the conversion from what was typed to the field's value. A
 * flag that names a record (`--operator`, `--holding`) takes its id or the name people know it by;
 * a list flag is repeated (`--party A=controller --party B=processor`) or, for choices, comma-separated
 * (`--roles controller,applicant`).
 */
export interface Flag {
  word: string;
  /** Where the value goes in the record: ['name'], or ['lawfulBases', 'article6']. */
  path: readonly string[];
  spec: FieldSpec;
  /** The kind of record it names (for a list of objects: the kind its `itemField` names). */
  reference?: { kind: RecordKind; itemField?: string };
  attribute: string;
  zoned?: boolean;
}

export interface ReferenceField {
  field: string;
  kind: RecordKind;
  itemField?: string;
}

export type Resolve = (kind: RecordKind, text: string) => string;

/** How typed values become field values: names of records to ids, wall-clock times to instants. */
export interface Conversions {
  resolve: Resolve;
  /** "2026-03-27T10:00" in a time zone → { at, timeZone }, or null if it is not a time. */
  zoned?: (text: string) => unknown;
}

const isZonedTime = (shape: FieldShape) =>
  shape.type === 'object' && shape.fields.length === 2 && shape.fields[0]!.name === 'at' && shape.fields[1]!.name === 'timeZone';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function flagsFor(fields: readonly FieldSpec[], references: readonly ReferenceField[]): Flag[] {
  const flags: Flag[] = [];
  for (const spec of fields) {
    const reference = references.find((r) => r.field === spec.name);
    if (isZonedTime(spec.shape)) {
      // A moment in an incident: one flag, the time on the wall clock of --time-zone (or with its offset).
      flags.push({ ...flag(kebab(spec.name), [spec.name], spec), zoned: true });
    } else if (spec.shape.type === 'object') {
      for (const sub of spec.shape.fields) {
        // References inside an object (an incident's links.dsaIds) are named for what they point at: --dsa.
        const inner = references.find((r) => r.field === `${spec.name}.${sub.name}`);
        const word = inner ? flagWord(sub.name) : `${kebab(spec.name)}-${kebab(sub.name)}`;
        flags.push(flag(word, [spec.name, sub.name], sub, inner && { kind: inner.kind }));
      }
    } else {
      flags.push(flag(flagWord(spec.name), [spec.name], spec, reference && { kind: reference.kind, itemField: reference.itemField }));
    }
  }
  return flags;
}

function flag(word: string, path: readonly string[], spec: FieldSpec, reference?: Flag['reference']): Flag {
  return { word, path, spec, reference, attribute: new Option(`--${word} <value>`).attributeName() };
}

export function addFlags(command: Command, flags: readonly Flag[], nounOf: (kind: RecordKind) => string, mode: 'add' | 'change'): Command {
  for (const f of flags) {
    const list = f.spec.shape.type === 'list';
    const help = describe(f, nounOf, mode === 'add' && !f.spec.hasDefault && !f.spec.nullable);
    const option = f.spec.shape.type === 'boolean' ? new Option(`--${f.word} [yes|no]`, help) : new Option(`--${f.word} <${placeholder(f)}>`, help);
    if (list) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    command.addOption(option);
  }
  return command;
}

function placeholder(f: Flag): string {
  const shape = f.spec.shape;
  if (f.zoned) return 'YYYY-MM-DDTHH:MM';
  if (f.reference?.itemField) return `${f.reference.kind}=${itemFields(shape).join(':')}`;
  if (shape.type === 'list' && shape.item.type === 'object') return `${objectFields(shape)[0]!.name}=${itemFields(shape).join(':')}`;
  if (f.reference) return 'id-or-name';
  if (shape.type === 'number') return 'number';
  if (shape.type === 'choice') return 'kind:value';
  if (/Date$|^period(From|To)$|^approved(From|To)$/.test(f.path.at(-1)!)) return 'YYYY-MM-DD';
  return 'value';
}

function describe(f: Flag, nounOf: (kind: RecordKind) => string, required: boolean): string {
  const shape = f.spec.shape;
  const words = f.path.map((p) => p.replace(/Ids?$/, '').replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)).join(': ');
  const parts: string[] = [required ? `${words} (required)` : words];
  if (f.reference) parts.push(f.reference.kind === 'dsaVersion' ? 'a DSA version, by id or as DARS-NIC-00574-V2H1F-v4.2' : `${article(nounOf(f.reference.kind))}, by id or name`);
  if (shape.type === 'enum') parts.push(`one of: ${shape.values.join(', ')}`);
  if (shape.type === 'list' && shape.item.type === 'enum') parts.push(`any of: ${shape.item.values.join(', ')} (repeat or separate with commas)`);
  else if (shape.type === 'list') parts.push('repeat for several');
  if (shape.type === 'list' && shape.item.type === 'object') parts.push(`then ${itemFields(shape).join(', ')} (${itemValues(shape)})`);
  if (shape.type === 'choice') parts.push(shape.options.map((o) => (o.field ? `${o.value}:${o.field.name.toUpperCase()}` : o.value)).join(' | '));
  if (f.zoned) parts.push('on the clock of --time-zone, or with its offset (…Z, …+01:00)');
  if (f.spec.nullable) parts.push('"" clears it');
  return parts.join('; ');
}

const objectFields = (shape: FieldShape): readonly FieldSpec[] => (shape.type === 'list' && shape.item.type === 'object' ? shape.item.fields : []);
const itemFields = (shape: FieldShape) => objectFields(shape).slice(1).map((f) => f.name);
const itemValues = (shape: FieldShape) =>
  objectFields(shape)
    .slice(1)
    .map((f) => (f.shape.type === 'enum' ? f.shape.values.join('|') : f.name))
    .join(', ');

/**
 * The fields typed on the command line, as the record's schema wants them; flags not given are
 * left out, so an update changes only what was typed.
 */
export function valuesFromFlags(flags: readonly Flag[], options: Record<string, unknown>, conversions: Conversions): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of flags) {
    const raw = options[f.attribute];
    if (raw === undefined) continue;
    const value = convert(f, raw, conversions);
    if (f.path.length === 1) values[f.path[0]!] = value;
    else values[f.path[0]!] = { ...(values[f.path[0]!] as object | undefined), [f.path[1]!]: value };
  }
  return values;
}

function convert(f: Flag, raw: unknown, { resolve, zoned }: Conversions): unknown {
  const shape = f.spec.shape;
  if (shape.type === 'boolean') return yesNo(f, raw);
  if (shape.type === 'list') {
    const items = raw as string[];
    if (shape.item.type === 'object') return items.map((item) => listItem(f, item, resolve));
    if (f.reference) return items.filter((i) => i.trim() !== '').map((item) => resolve(f.reference!.kind, item));
    return items.flatMap((item) => (shape.item.type === 'enum' ? item.split(',') : [item])).map((i) => i.trim()).filter(Boolean);
  }
  const text = String(raw);
  if (text.trim() === '' && f.spec.nullable) return null;
  if (f.zoned) {
    const time = zoned?.(text.trim());
    if (!time) throw new CliError(`--${f.word} must be a date and time such as 2026-03-27T10:00 (or 2026-03-27T09:00Z), not "${text}"`);
    return time;
  }
  if (f.reference) return resolve(f.reference.kind, text);
  if (shape.type === 'number') return number(f.word, text);
  if (shape.type === 'choice') return choice(f, shape, text);
  return text;
}

/** "an organisation", "a DSA". */
export const article = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

function yesNo(f: Flag, raw: unknown): boolean {
  if (raw === true) return true;
  const text = String(raw).toLowerCase();
  if (['yes', 'true', 'y', '1'].includes(text)) return true;
  if (['no', 'false', 'n', '0'].includes(text)) return false;
  throw new CliError(`--${f.word} takes yes or no, not "${String(raw)}"`);
}

function number(word: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new CliError(`--${word} must be a number, not "${text}"`);
  return value;
}

/** `days-after-end:30`, `fixed-date:2027-03-31`, `rolling:26`. */
function choice(f: Flag, shape: Extract<FieldShape, { type: 'choice' }>, text: string): unknown {
  const at = text.indexOf(':');
  const kind = (at < 0 ? text : text.slice(0, at)).trim();
  const option = shape.options.find((o) => o.value === kind);
  if (!option) throw new CliError(`--${f.word} must start with one of ${shape.options.map((o) => o.value).join(', ')}, not "${text}"`);
  if (!option.field) return { [shape.discriminator]: kind };
  const value = at < 0 ? '' : text.slice(at + 1).trim();
  if (value === '') throw new CliError(`--${f.word} ${kind} needs its ${option.field.name}: ${kind}:${option.field.name.toUpperCase()}`);
  return { [shape.discriminator]: kind, [option.field.name]: option.field.shape.type === 'number' ? number(f.word, value) : value };
}

/** `University of Exampleton=controller:sole`: the first field (a record's name) before the last `=`, then the other fields in order. */
function listItem(f: Flag, item: string, resolve: Resolve): Record<string, unknown> {
  const at = item.lastIndexOf('=');
  if (at <= 0) throw new CliError(`--${f.word} must be written ${placeholder(f)}, not "${item}"`);
  const fields = objectFields(f.spec.shape);
  const parts = item.slice(at + 1).split(':');
  const first = item.slice(0, at);
  const entry: Record<string, unknown> = { [fields[0]!.name]: f.reference ? resolve(f.reference.kind, first) : first.trim() };
  fields.slice(1).forEach((field, i) => {
    const part = parts[i]?.trim();
    if (part) entry[field.name] = part;
  });
  return entry;
}

/** References inside JSON input may also be ids or names; each becomes an id. */
export function resolveJsonReferences(values: Record<string, unknown>, references: readonly ReferenceField[], resolve: Resolve): Record<string, unknown> {
  const out = { ...values };
  const one = (kind: RecordKind, value: unknown) => (typeof value === 'string' && value.trim() !== '' ? resolve(kind, value) : value);
  for (const r of references) {
    const value = out[r.field];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[r.field] = value.map((item) => (r.itemField && item && typeof item === 'object' ? { ...item, [r.itemField]: one(r.kind, (item as Record<string, unknown>)[r.itemField]) } : one(r.kind, item)));
    else out[r.field] = one(r.kind, value);
  }
  return out;
}

/** The flag a refusal's path points at (`parties.0.organisationId` → `--party`), or the path itself. */
export function whereIs(flags: readonly Flag[], path: readonly PropertyKey[]): string {
  const matching = flags.find((f) => f.path.every((part, i) => path[i] === part));
  return matching ? `--${matching.word}` : path.map(String).join('.');
}
