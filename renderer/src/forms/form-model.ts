import { z } from 'zod';
import { recordSchemas, type RecordKind } from '../../../shared/register/records';
import { formatJsonPath } from '../../../shared/validation/json-path';
import { formSpecs, type Draft, type FieldSpec, type FieldWidget } from './form-specs';

/**
 * The record form's model, free of React: what each field is (read from the record's zod schema),
 * the draft a form edits (strings as typed), the record a draft becomes, and the messages to show
 * next to each field. The same schema that the register applies on save judges the draft first,
 * so a form never shows one rule and the register enforce another.
 */
export type FieldErrors = Record<string, string>;

const shapeOf = (kind: RecordKind) => recordSchemas[kind].shape as unknown as Record<string, z.ZodType>;

export function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  return inner;
}

export const fieldSchema = (kind: RecordKind, name: string): z.ZodType => {
  const schema = shapeOf(kind)[name];
  if (!schema) throw new Error(`${kind} has no field ${name}`);
  return schema;
};

/** A field the user must fill: the schema takes neither nothing nor null for it. */
export function isRequired(kind: RecordKind, name: string): boolean {
  const schema = fieldSchema(kind, name);
  return !schema.safeParse(undefined).success && !schema.safeParse(null).success;
}

/** The choices of a vocabulary field (or of each item of a list of choices), from its zod enum. */
export function choicesOf(kind: RecordKind, name: string): readonly string[] {
  let inner = unwrap(fieldSchema(kind, name));
  if (inner instanceof z.ZodArray) inner = unwrap(inner.element as z.ZodType);
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : [];
}

export function widgetOf(kind: RecordKind, spec: FieldSpec): FieldWidget {
  if (spec.widget) return spec.widget;
  const inner = unwrap(fieldSchema(kind, spec.name));
  if (inner instanceof z.ZodEnum) return { type: 'select' };
  if (inner instanceof z.ZodBoolean) return { type: 'checkbox' };
  if (inner instanceof z.ZodNumber) return { type: 'number' };
  if (inner instanceof z.ZodArray) return { type: 'checkboxes' };
  return { type: 'text' };
}

/** What a field holds when left empty or hidden: its default, else null, else nothing. */
function emptyValue(schema: z.ZodType): unknown {
  const absent = schema.safeParse(undefined);
  if (absent.success) return absent.data;
  return schema.safeParse(null).success ? null : undefined;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export interface PartyDraft {
  organisationId: string;
  role: string;
  controllerType: string;
}
export interface DestructionRuleDraft {
  kind: string;
  days: string;
  date: string;
  weeks: string;
}

/** The draft a form starts from: a record's values, or for a new record the schema's defaults and any fixed values. */
export function draftFrom(kind: RecordKind, record: Record<string, unknown> | null): Draft {
  const draft: Draft = {};
  for (const spec of formSpecs[kind]) {
    const schema = fieldSchema(kind, spec.name);
    const value = record && spec.name in record ? record[spec.name] : emptyValue(schema);
    const widget = widgetOf(kind, spec);
    switch (widget.type) {
      case 'checkbox':
        draft[spec.name] = Boolean(value);
        break;
      case 'checkboxes':
      case 'references':
        draft[spec.name] = Array.isArray(value) ? [...(value as string[])] : [];
        break;
      case 'parties':
        draft[spec.name] = ((value as Record<string, unknown>[] | undefined) ?? []).map(
          (p): PartyDraft => ({ organisationId: text(p.organisationId), role: text(p.role), controllerType: text(p.controllerType) }),
        );
        break;
      case 'lawfulBases': {
        const bases = (value ?? {}) as Record<string, unknown>;
        draft[spec.name] = Object.fromEntries(Object.keys(bases).map((k) => [k, text(bases[k])]));
        break;
      }
      case 'destructionRule': {
        const rule = (value ?? {}) as Record<string, unknown>;
        draft[spec.name] = { kind: text(rule.kind), days: text(rule.days), date: text(rule.date), weeks: text(rule.weeks) } satisfies DestructionRuleDraft;
        break;
      }
      default:
        draft[spec.name] = text(value);
    }
  }
  return draft;
}

/** Fields a spec shows for this draft (a DSPT assessment hides the ISO certificate's fields). */
export const visibleFields = (kind: RecordKind, draft: Draft): FieldSpec[] => formSpecs[kind].filter((spec) => !spec.when || spec.when(draft));

const WHOLE_NUMBER = /^\d+$/;

interface Conversion {
  candidate: Record<string, unknown>;
  errors: FieldErrors;
}

/**
 * The record a draft stands for, and the problems only the form can see (a number that is not one, a
 * required field left empty). A field the form hides (the DSPT status of an ISO certificate) keeps
 * the value the record had, or is empty on a new record: what the user cannot see, the form neither
 * sends from the draft nor wipes.
 */
function convert(kind: RecordKind, draft: Draft, original: Record<string, unknown> | null): Conversion {
  const candidate: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const spec of formSpecs[kind]) {
    const schema = fieldSchema(kind, spec.name);
    if (spec.when && !spec.when(draft)) {
      candidate[spec.name] = original && spec.name in original ? original[spec.name] : emptyValue(schema);
      continue;
    }
    const value = draft[spec.name];
    const widget = widgetOf(kind, spec);
    switch (widget.type) {
      case 'checkbox':
      case 'checkboxes':
      case 'references':
        candidate[spec.name] = value;
        break;
      case 'number': {
        const typed = text(value).trim();
        if (typed === '') candidate[spec.name] = emptyValue(schema);
        else if (WHOLE_NUMBER.test(typed)) candidate[spec.name] = Number(typed);
        else errors[spec.name] = 'must be a whole number, such as 120000';
        break;
      }
      case 'parties':
        candidate[spec.name] = (value as PartyDraft[]).map((party, index) => {
          if (!party.organisationId) errors[formatJsonPath([spec.name, index, 'organisationId'])] = 'is required';
          return { organisationId: party.organisationId, role: party.role, controllerType: party.role === 'controller' && party.controllerType ? party.controllerType : null };
        });
        break;
      case 'lawfulBases':
        candidate[spec.name] = Object.fromEntries(Object.entries(value as Record<string, string>).map(([k, v]) => [k, v.trim() === '' ? null : v.trim()]));
        break;
      case 'destructionRule':
        candidate[spec.name] = destructionRule(spec.name, value as DestructionRuleDraft, errors);
        break;
      default: {
        const typed = text(value).trim();
        candidate[spec.name] = typed === '' ? emptyValue(schema) : typed;
      }
    }
    if (isRequired(kind, spec.name) && (candidate[spec.name] === '' || candidate[spec.name] === undefined || candidate[spec.name] === null)) {
      errors[spec.name] ??= 'is required';
      candidate[spec.name] = '';
    }
  }
  return { candidate, errors };
}

function destructionRule(name: string, rule: DestructionRuleDraft, errors: FieldErrors): unknown {
  const count = (field: 'days' | 'weeks') => {
    const typed = rule[field].trim();
    if (!WHOLE_NUMBER.test(typed)) errors[`${name}.${field}`] = typed === '' ? 'is required' : 'must be a whole number';
    return Number(typed);
  };
  if (rule.kind === 'days-after-end') return { kind: rule.kind, days: count('days') };
  if (rule.kind === 'rolling') return { kind: rule.kind, weeks: count('weeks') };
  if (!rule.date) errors[`${name}.date`] = 'is required';
  return { kind: rule.kind, date: rule.date };
}

export type Validation = { ok: true; record: Record<string, unknown> } | { ok: false; errors: FieldErrors };

/**
 * Judges a draft with the record's own schema (refinements included: an end date before the start,
 * a DSPT assessment without a status). Each message is keyed by the path of the field it is about,
 * written as the register writes paths (`parties[0].organisationId`), so a field finds its message.
 */
export function validateDraft(kind: RecordKind, draft: Draft, original: Record<string, unknown> | null = null): Validation {
  const { candidate, errors } = convert(kind, draft, original);
  const parsed = recordSchemas[kind].safeParse({ ...candidate, id: 'new-record', archived: false });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = formatJsonPath(issue.path);
      const covered = Object.keys(errors).some((k) => k === key || key.startsWith(`${k}.`) || key.startsWith(`${k}[`));
      if (!covered) errors[key] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  const { id: _id, archived: _archived, ...record } = parsed.data as Record<string, unknown>;
  return { ok: true, record };
}

/**
 * The field a refusal from the register is about. The register words refusals `path: problem`
 * (`locationId: location "3f2…" does not exist`); the IPC layer's own checks write `record.path`.
 */
export function fieldErrorFromServer(kind: RecordKind, message: string): { key: string; message: string } | null {
  const match = /^(?:record\.)?([A-Za-z]\w*(?:\.\w+|\[\d+\])*): (.+)$/s.exec(message);
  if (!match) return null;
  const key = match[1]!.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  const field = key.split(/[.[]/)[0]!;
  return formSpecs[kind].some((spec) => spec.name === field) ? { key, message: match[2]! } : null;
}

/** The message shown under a field: the register's messages are written to follow the field's name. */
export const fieldMessage = (label: string, message: string): string => (/^[a-z]/.test(message) ? `${label} ${message}` : message);

/** Errors for one field and everything inside it (a party's organisation, the destruction rule's days). */
export const errorsWithin = (errors: FieldErrors, name: string): [string, string][] =>
  Object.entries(errors).filter(([key]) => key === name || key.startsWith(`${name}.`) || key.startsWith(`${name}[`));
