import type { RegisterConnection } from '../db/register-connection';
import {
  filtersByKind,
  sortableFields,
  type ListFilterName,
  type RegisterListRequest,
  type RegisterPage,
  type RelatedGroup,
} from '../../shared/register/register-api';
import { recordKinds, type RecordKind } from '../../shared/register/records';
import { likePattern } from '../db/like-pattern';
import { prepared } from '../db/statement-cache';
import { filterNamingKind, listSpecs } from './list-specs';
import { readRecordsByIds } from './record-rows';
import { recordTables } from './record-tables';

type AnyRecord = Record<string, unknown>;
const MAX_SEARCH_WORDS = 8;

/**
 * One page of a list: filtered, searched (every word must appear in one of the kind's searchable
 * fields), sorted, with the total and the labels of everything on the page. The page is chosen with
 * ids first and the records read afterwards, so sorting 100,000 copies never builds 100,000 records.
 */
export function listRecords(db: RegisterConnection, request: RegisterListRequest): RegisterPage {
  const { kind } = request;
  const table = recordTables[kind];
  const spec = listSpecs[kind];
  const where: string[] = [];
  const params: Record<string, unknown> = {};

  const filters = (request.filters ?? {}) as Partial<Record<ListFilterName, string | boolean>>;
  for (const name of filtersByKind[kind] as readonly ListFilterName[]) {
    const value = filters[name];
    if (value === undefined) continue;
    const sql = name === 'archived' ? 't.archived = @value' : spec.filters[name];
    if (!sql) continue;
    where.push(sql.replaceAll('@value', `@filter_${name}`));
    params[`filter_${name}`] = typeof value === 'boolean' ? Number(value) : value;
  }

  const words = (request.search ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  words.forEach((word, index) => {
    const alternatives = [...spec.search, `t.id = @exact${index}`].map((s) => s.replaceAll('@word', `@word${index}`));
    where.push(`(${alternatives.join(' OR ')})`);
    params[`word${index}`] = likePattern(word);
    params[`exact${index}`] = word;
  });

  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = prepared(db, `SELECT count(*) FROM ${table.table} t ${clause}`).pluck(true).get(params) as number;

  const ids = prepared(db, `SELECT t.id FROM ${table.table} t ${clause} ORDER BY ${orderBy(kind, request.sort)} LIMIT @limit OFFSET @offset`)
    .pluck(true)
    .all({ ...params, limit: request.limit, offset: request.offset }) as string[];

  const records = inOrder(readRecordsByIds(db, table, ids), ids);
  return { kind, total, records, labels: labelsFor(db, kind, records, true) } as RegisterPage;
}

/**
 * Without a sort, records come in the order they were added: SQLite walks the table and stops at
 * the page, with nothing to sort. With one, ties keep that order. Text sorts ignore case.
 */
function orderBy(kind: RecordKind, sort: RegisterListRequest['sort']): string {
  if (!sort) return 't.rowid';
  if (!(sortableFields[kind] as readonly string[]).includes(sort.field)) throw new Error(`cannot sort ${kind} by ${sort.field}`);
  const column = recordTables[kind].columns.find((c) => c.path.length === 1 && c.path[0] === sort.field)!;
  const collate = column.type === 'text' ? ' COLLATE NOCASE' : '';
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return `t.${column.column}${collate} ${direction}, t.rowid ${direction}`;
}

function inOrder(records: AnyRecord[], ids: readonly string[]): AnyRecord[] {
  const byId = new Map(records.map((r) => [r.id as string, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is AnyRecord => r !== undefined);
}

/** Labels of the records given (when `includeOwn`) and of every record they refer to. */
export function labelsFor(db: RegisterConnection, kind: RecordKind, records: readonly AnyRecord[], includeOwn: boolean): Record<string, string> {
  const wanted = new Map<RecordKind, Set<string>>();
  const want = (k: RecordKind, id: unknown) => {
    if (typeof id !== 'string') return;
    let set = wanted.get(k);
    if (!set) wanted.set(k, (set = new Set()));
    set.add(id);
  };
  for (const record of records) {
    if (includeOwn) want(kind, record.id);
    for (const reference of recordTables[kind].references) {
      const value = record[reference.field];
      if (!reference.list) want(reference.kind, value);
      else for (const item of (value as unknown[]) ?? []) want(reference.kind, reference.itemField ? (item as AnyRecord)[reference.itemField] : item);
    }
  }
  const labels: Record<string, string> = {};
  for (const [k, idSet] of wanted) {
    const ids = [...idSet];
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const rows = prepared(
        db,
        `SELECT t.id, ${listSpecs[k].label} FROM ${recordTables[k].table} t WHERE t.id IN (${chunk.map(() => '?').join(', ')})`,
      )
        .raw(true)
        .all(...chunk) as [string, string | null][];
      for (const [id, label] of rows) labels[id] = label ?? id;
    }
  }
  return labels;
}

export const RELATED_PAGE_SIZE = 100;

/** Everything that refers to a record, grouped by kind, each group a first page and its total. */
export function relatedTo(db: RegisterConnection, kind: RecordKind, id: string): RelatedGroup[] {
  const via = filterNamingKind[kind];
  if (!via) return [];
  const groups: RelatedGroup[] = [];
  for (const other of recordKinds) {
    if (!(filtersByKind[other] as readonly ListFilterName[]).includes(via)) continue;
    const page = listRecords(db, {
      kind: other,
      offset: 0,
      limit: RELATED_PAGE_SIZE,
      filters: { [via]: id },
    } as RegisterListRequest);
    groups.push({ kind: other, via, total: page.total, records: page.records } as RelatedGroup);
  }
  return groups;
}
