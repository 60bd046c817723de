import { formatJsonPath } from '../../../shared/validation/json-path';

/**
 * What an audit entry changed, field by field, for a person to read: nested values are flattened to
 * paths (`lawfulBases.article6`, `parties[1].role`), and an update shows only the fields that differ.
 */
export interface DiffRow {
  path: string;
  before: string | null;
  after: string | null;
  change: 'added' | 'removed' | 'changed';
}

function flatten(value: unknown, path: PropertyKey[], into: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(formatJsonPath(path), '(none)');
    value.forEach((item, index) => flatten(item, [...path, index], into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, [...path, key], into);
  } else if (path.length > 0) {
    into.set(formatJsonPath(path), value === null ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value));
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
  for (const path of new Set([...a.keys(), ...b.keys()])) {
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
