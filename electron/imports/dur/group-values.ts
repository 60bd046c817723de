/** The distinct non-null values of each group, in the order first seen. */
export function groupValues<T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V | null): Map<string, Set<V>> {
  const groups = new Map<string, Set<V>>();
  for (const row of rows) {
    const v = value(row);
    if (v === null) continue;
    const k = key(row);
    const group = groups.get(k);
    if (group) group.add(v);
    else groups.set(k, new Set([v]));
  }
  return groups;
}
