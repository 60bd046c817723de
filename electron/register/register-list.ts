import type { RegisterConnection } from '../db/register-connection';
import {
  filtersByKind,
  sortableFields,
  type ListFilterName,
  type RegisterListRequest,
  type RegisterPage,
  type RelatedGroup,
} from '../../shared/register/register-api';
import type { IsoDate } from '../../shared/register/dates';
import { factSortFields, type CopyFacts, type DsaFacts, type HoldingFacts } from '../../shared/register/list-facts';
import { localIsoDate } from '../../shared/register/local-date';
import { recordKinds, type RecordKind } from '../../shared/register/records';
import { likePattern } from '../db/like-pattern';
import { prepared } from '../db/statement-cache';
import { listFacts } from './list-facts';
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
export function listRecords(db: RegisterConnection, request: RegisterListRequest, options: ListOptions = {}): RegisterPage {
  const { kind } = request;
  const factFilters = factFiltersOf(request);
  const factSort = request.sort && (factSortFields[kind as keyof typeof factSortFields] as readonly string[] | undefined)?.includes(request.sort.field) ? request.sort : null;
  const needsFacts = kind in factSortFields && (options.asOf !== undefined || factSort !== null || factFilters.length > 0);
  const facts = needsFacts ? listFacts(db, options.asOf ?? localIsoDate(new Date())) : null;
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
  let total: number;
  let ids: string[];
  if (facts && (factSort || factFilters.length > 0)) {
    // Facts are not columns: every id the SQL keeps (in the order records were added, or by the
    // column sort), then kept and ordered here. 100,000 ids cost tens of milliseconds (bench:lists).
    const sqlOrder = request.sort && !factSort ? orderBy(kind, request.sort) : 't.rowid';
    let all = prepared(db, `SELECT t.id FROM ${table.table} t ${clause} ORDER BY ${sqlOrder}`).pluck(true).all(params) as string[];
    const byId = facts[kind as FactKind] as ReadonlyMap<string, unknown>;
    for (const keep of factFilters) all = all.filter((id) => keep(byId.get(id)));
    if (factSort) all = sortByFact(all, byId, factSort);
    total = all.length;
    ids = all.slice(request.offset, request.offset + request.limit);
  } else {
    total = prepared(db, `SELECT count(*) FROM ${table.table} t ${clause}`).pluck(true).get(params) as number;
    ids = prepared(db, `SELECT t.id FROM ${table.table} t ${clause} ORDER BY ${orderBy(kind, request.sort)} LIMIT @limit OFFSET @offset`)
      .pluck(true)
      .all({ ...params, limit: request.limit, offset: request.offset }) as string[];
  }

  const records = inOrder(readRecordsByIds(db, table, ids), ids);
  const page = { kind, total, records, labels: labelsFor(db, kind, records, true) } as RegisterPage;
  if (facts) {
    const byId = facts[kind as FactKind] as ReadonlyMap<string, unknown>;
    const shown: Record<string, unknown> = {};
    for (const id of ids) {
      const fact = byId.get(id);
      if (fact) shown[id] = fact;
    }
    // Controllers are named on the page: their labels go with the others.
    if (kind === 'dsa') for (const fact of Object.values(shown) as DsaFacts[]) for (const c of fact.controllers) page.labels[c.id] = c.label;
    (page as { facts?: Record<string, unknown> }).facts = shown;
  }
  return page;
}

export interface ListOptions {
  /** The date the list's facts (live copies, destroy-by, open findings) are on; given, the page carries them. */
  asOf?: IsoDate;
}

type FactKind = keyof typeof factSortFields;

/** The fact filters asked for, as tests on a record's facts (a record without facts, e.g. archived, is kept by none). */
function factFiltersOf(request: RegisterListRequest): ((facts: unknown) => boolean)[] {
  const filters = (request.filters ?? {}) as Partial<Record<ListFilterName, unknown>>;
  const tests: ((facts: unknown) => boolean)[] = [];
  if (request.kind === 'copy' && typeof filters.flagged === 'boolean') {
    const wanted = filters.flagged;
    tests.push((f) => ((f as CopyFacts | undefined)?.locationFlags.length ?? 0) > 0 === wanted);
  }
  if (request.kind === 'holding' && typeof filters.holdingState === 'string') {
    const wanted = filters.holdingState;
    tests.push((f) => (f as HoldingFacts | undefined)?.state === wanted);
  }
  return tests;
}

/** What a fact sort compares; null sorts last whichever the direction (an agreement with no version, a holding with no deadline yet). */
function factKey(field: string, facts: unknown): number | string | null {
  if (facts === undefined) return null;
  switch (field) {
    case 'currentEndDate':
      return (facts as DsaFacts).endDate;
    case 'liveCopies':
      return (facts as DsaFacts | HoldingFacts).liveCopies;
    case 'openFindings':
      return (facts as DsaFacts).openFindings;
    case 'destroyBy':
      return (facts as HoldingFacts).destroyBy;
    case 'locationFlag':
      return (facts as CopyFacts).locationFlags.length;
    default:
      throw new Error(`no fact sorts by ${field}`);
  }
}

/** A stable sort: ties keep the order records were added in. */
function sortByFact(ids: readonly string[], byId: ReadonlyMap<string, unknown>, sort: NonNullable<RegisterListRequest['sort']>): string[] {
  const sign = sort.direction === 'desc' ? -1 : 1;
  const keyed = ids.map((id, position) => ({ id, position, key: factKey(sort.field, byId.get(id)) }));
  keyed.sort((a, b) => {
    if (a.key === b.key) return a.position - b.position;
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    return (a.key < b.key ? -1 : 1) * sign;
  });
  return keyed.map((k) => k.id);
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
