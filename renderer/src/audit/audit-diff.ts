import type { RecordKind } from '../../../shared/register/records';
import { formatJsonPath } from '../../../shared/validation/json-path';
import { formSpecs } from '../forms/form-specs';

/**
 * What an audit entry changed, field by field, for a person to read: nested values are flattened to
 * paths (`lawfulBases.article6`, `parties[1].role`), and an update shows only the fields that differ.
 */
/** How a field that held nothing (null, or an empty list) reads in a diff. */
export const EMPTY_VALUE = '(empty)';

export interface DiffRow {
  path: string;
  before: string | null;
  after: string | null;
  change: 'added' | 'removed' | 'changed';
}

function flatten(value: unknown, path: PropertyKey[], into: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(formatJsonPath(path), EMPTY_VALUE);
    value.forEach((item, index) => flatten(item, [...path, index], into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, [...path, key], into);
  } else if (path.length > 0) {
    into.set(formatJsonPath(path), value === null ? EMPTY_VALUE : typeof value === 'string' ? value : JSON.stringify(value));
  }
}

const flat = (value: unknown): Map<string, string> => {
  const into = new Map<string, string>();
  if (value !== null && value !== undefined) flatten(value, [], into);
  return into;
};

export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const a = flat(before);
  const b = flat(after);
  const rows: DiffRow[] = [];
  // In the order of the record after the change (the order of its form), then what was removed.
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    const was = a.get(path) ?? null;
    const now = b.get(path) ?? null;
    if (was === now) continue;
    rows.push({ path, before: was, after: now, change: was === null ? 'added' : now === null ? 'removed' : 'changed' });
  }
  return rows;
}

const nameFields = ['nicReference', 'legalName', 'reference', 'darsFileReference', 'name', 'number', 'text', 'pathOrDescription', 'role'];

/** A recognisable name for the record an entry is about, from the record itself (an entry stores no labels). */
export function auditRecordName(before: unknown, after: unknown): string | null {
  const record = (after ?? before) as Record<string, unknown> | null;
  if (!record || typeof record !== 'object') return null;
  if (typeof record.version === 'string' && typeof record.dsaId === 'string') return `v${record.version}`;
  for (const field of nameFields) {
    const value = record[field];
    if (typeof value === 'string' && value.trim()) return value.length > 60 ? `${value.slice(0, 59)}…` : value;
  }
  return null;
}

/**
 * A path as the record's form names it: `icoRenewalDate` reads "ICO registration renewal date",
 * `parties[1].role` reads "Controllers and processors [2] › role". Unknown kinds keep the raw path.
 */
export function readablePath(kind: string | null, path: string): string {
  const specs = kind && kind in formSpecs ? formSpecs[kind as RecordKind] : [];
  const match = /^([A-Za-z]\w*)(.*)$/.exec(path);
  if (!match) return path;
  const [, field, rest = ''] = match;
  const label = specs.find((spec) => spec.name === field)?.label;
  if (!label) return path;
  const tail = rest.replace(/\[(\d+)\]/g, (_, n: string) => ` [${Number(n) + 1}]`).replace(/\./g, ' › ');
  return `${label}${tail}`;
}
