import type { RecordKind } from '../../shared/register/records';
import type { RecordIssue } from './record-issue';
import { recordTables, type RecordTable } from './record-tables';

type AnyRecord = Record<string, unknown>;

/** Finds a record by kind and id wherever the caller keeps them: the database, an import file, both. */
export type RecordLookup = (kind: RecordKind, id: string) => AnyRecord | undefined;

/**
 * Checks that everything a record points at exists and fits, and returns the first problem:
 * a reference to a missing record, a record that is its own predecessor, a list naming the same
 * thing twice, a holding whose dataset belongs to another version, a certificate covering a
 * holding of another version. SQLite's foreign keys would refuse the first of these too, but could
 * not say which field or which id.
 */
export function findReferenceProblem(table: RecordTable, record: AnyRecord, lookup: RecordLookup): RecordIssue | null {
  for (const reference of table.references) {
    const target = recordTables[reference.kind];
    if (reference.list) {
      const items = (record[reference.field] as unknown[] | undefined) ?? [];
      const seen = new Map<string, number>();
      for (let index = 0; index < items.length; index++) {
        const item = items[index];
        const id = reference.itemField ? ((item as AnyRecord)[reference.itemField] as string) : (item as string);
        const path = reference.itemField ? [reference.field, index, reference.itemField] : [reference.field, index];
        if (!lookup(reference.kind, id)) return { path, message: `${target.noun} "${id}" does not exist` };
        const qualifier = reference.distinctWith ? String((item as AnyRecord)[reference.distinctWith]) : '';
        const key = `${id}\u0000${qualifier}`;
        if (seen.has(key)) {
          const as = qualifier ? ` as ${qualifier}` : '';
          return { path, message: `${target.noun} "${id}" is listed twice${as} (also at position ${seen.get(key)! + 1})` };
        }
        seen.set(key, index);
      }
      continue;
    }
    const id = record[reference.field];
    if (id === null || id === undefined) continue;
    if (reference.kind === table.kind && id === record.id) {
      const article = /^[aeiou]/i.test(table.noun) ? 'an' : 'a';
      return { path: [reference.field], message: `${article} ${table.noun} cannot be its own predecessor` };
    }
    if (!lookup(reference.kind, id as string)) {
      return { path: [reference.field], message: `${target.noun} "${String(id)}" does not exist` };
    }
  }
  return findConsistencyProblem(table.kind, record, lookup);
}

function findConsistencyProblem(kind: RecordKind, record: AnyRecord, lookup: RecordLookup): RecordIssue | null {
  if (kind === 'holding') {
    const dataset = lookup('dataset', record.datasetId as string);
    if (dataset && dataset.versionId !== record.versionId) {
      return {
        path: ['datasetId'],
        message: `dataset "${String(record.datasetId)}" belongs to another DSA version than the holding; choose a dataset of version "${String(record.versionId)}"`,
      };
    }
  }
  if (kind === 'certificate') {
    const holdingIds = record.holdingIds as string[];
    for (let index = 0; index < holdingIds.length; index++) {
      const holding = lookup('holding', holdingIds[index]!);
      if (holding && holding.versionId !== record.versionId) {
        return {
          path: ['holdingIds', index],
          message: `holding "${holdingIds[index]}" belongs to another DSA version than the certificate`,
        };
      }
    }
  }
  return null;
}
