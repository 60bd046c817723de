import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiRequest } from '../../../shared/ipc/contract';
import type { ListFactsOf } from '../../../shared/register/list-facts';
import type { ListFilterName } from '../../../shared/register/register-api';
import type { RecordKind, RecordOf } from '../../../shared/register/records';
import { call } from '../api/client';

export type ListFilters = Partial<Record<ListFilterName, string | boolean>>;
export interface ListSort {
  field: string;
  direction: 'asc' | 'desc';
}

export interface ListQuery {
  offset: number;
  limit: number;
  search: string;
  sort: ListSort | null;
  /** Filters the user chose; `archived: false` hides archived records, as lists do by default. */
  filters: ListFilters;
}

export interface RecordListState<K extends RecordKind> {
  kind: K;
  query: ListQuery;
  records: RecordOf<K>[];
  /** Display names of the records on the page and of what they refer to. */
  labels: Record<string, string>;
  /** What the list shows beyond the records' fields (live copies, destroy-by…), by record id. */
  facts: Record<string, ListFactsOf<K>>;
  total: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load: () => Promise<void>;
  setSearch: (search: string) => void;
  /** Sorts by a field; choosing the current field again reverses the direction. */
  toggleSort: (field: string) => void;
  setOffset: (offset: number) => void;
  setFilter: (name: ListFilterName, value: string | boolean | undefined) => void;
  reset: () => void;
}

export type RecordListStore<K extends RecordKind> = StoreApi<RecordListState<K>>;

export interface ListOptions {
  /** Filters that define the list (a version's holdings): always sent, never shown as choices. */
  fixedFilters?: ListFilters;
  pageSize?: number;
  sort?: ListSort | null;
}

/**
 * One list's state: a page of records read from `register.list` with the offset, search, sort and
 * filters. Only one page is ever held, so a list of 100,000 copies costs the same as a list of ten.
 * Each table gets its own store (a DSA's detail shows several lists at once); answers to requests
 * that a newer request has overtaken are dropped, so fast typing never shows an older search.
 */
export function createRecordListStore<K extends RecordKind>(kind: K, options: ListOptions = {}): RecordListStore<K> {
  const initialQuery: ListQuery = {
    offset: 0,
    limit: options.pageSize ?? 50,
    search: '',
    sort: options.sort ?? null,
    filters: { archived: false },
  };
  const initialState = {
    kind,
    query: initialQuery,
    records: [] as RecordOf<K>[],
    labels: {},
    facts: {},
    total: 0,
    status: 'idle' as const,
    error: null,
  };
  let latest = 0;

  return createStore<RecordListState<K>>()((set, get) => {
    const changeQuery = (change: Partial<ListQuery>) => {
      set((s) => ({ query: { ...s.query, ...change } }));
      void get().load();
    };
    return {
      ...initialState,
      load: async () => {
        const ticket = ++latest;
        const { query } = get();
        set({ status: 'loading', error: null });
        const filters = Object.fromEntries(
          Object.entries({ ...query.filters, ...options.fixedFilters }).filter(([, v]) => v !== undefined && v !== ''),
        );
        const request = {
          kind,
          offset: query.offset,
          limit: query.limit,
          ...(query.search.trim() ? { search: query.search.trim() } : {}),
          ...(query.sort ? { sort: query.sort } : {}),
          filters,
        } as ApiRequest<'register.list'>;
        const result = await call('register.list', request);
        if (ticket !== latest) return;
        if (!result.ok) {
          set({ status: 'error', error: result.error.message });
          return;
        }
        const page = result.value as unknown as { records: RecordOf<K>[]; labels: Record<string, string>; facts?: Record<string, ListFactsOf<K>>; total: number };
        // A page past the end (records archived meanwhile) moves back to the last page that has rows.
        if (page.records.length === 0 && page.total > 0 && query.offset > 0) {
          changeQuery({ offset: Math.max(0, Math.floor((page.total - 1) / query.limit) * query.limit) });
          return;
        }
        set({ status: 'ready', records: page.records, labels: page.labels, facts: page.facts ?? {}, total: page.total });
      },
      setSearch: (search) => changeQuery({ search, offset: 0 }),
      toggleSort: (field) => {
        const current = get().query.sort;
        const direction = current?.field === field && current.direction === 'asc' ? 'desc' : 'asc';
        changeQuery({ sort: { field, direction }, offset: 0 });
      },
      setOffset: (offset) => changeQuery({ offset: Math.max(0, offset) }),
      setFilter: (name, value) => changeQuery({ filters: { ...get().query.filters, [name]: value }, offset: 0 }),
      reset: () => {
        latest++;
        set(initialState);
      },
    };
  });
}
