import { useCallback, useEffect, useState } from 'react';
import type { FindingsTable, FindingsTableGroup, FindingsTableRequest } from '../../../shared/findings/findings-table';
import { call } from '../api/client';

/** The filters and grouping the user has chosen: everything of a findings.table request but its paging. */
export type FindingsTableQuery = Omit<FindingsTableRequest, 'asOf' | 'groupKey' | 'offset' | 'limit'>;

/** Groups read per page of the table. */
export const GROUPS_PER_PAGE = 25;
/** Rows read each time "Show more in this group" is pressed. */
export const GROUP_ROWS_PAGE = 100;

/**
 * The findings table for a query, asked of main afresh whenever the query or the register changes.
 * A group's further rows are read on request and kept with the group until the query changes.
 */
export function useFindingsTable(query: FindingsTableQuery, revision: number) {
  const [table, setTable] = useState<FindingsTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const key = JSON.stringify(query);
  // The page belongs to the query it was turned on: new filters start again at the first page.
  const [paged, setPaged] = useState({ key, page: 0 });
  const page = paged.key === key ? paged.page : 0;
  const setPage = (next: number) => setPaged({ key, page: next });
  useEffect(() => {
    let current = true;
    void call('findings.table', { ...query, offset: page * GROUPS_PER_PAGE, limit: GROUPS_PER_PAGE }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setTable(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
    // `key` stands for the query's contents: a new object with the same filters asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, page, revision, reloads]);

  const showMore = useCallback(
    async (group: FindingsTableGroup) => {
      const result = await call('findings.table', { ...query, groupKey: group.key, offset: group.rows.length, limit: GROUP_ROWS_PAGE });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const more = result.value.groups[0]?.rows ?? [];
      setTable((t) => (t ? { ...t, groups: t.groups.map((g) => (g.key === group.key ? { ...g, rows: [...g.rows, ...more] } : g)) } : t));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { table, error, page, setPage, showMore, reload };
}
