import { maxDimensions } from './attack-model';

/**
 * Whether the attacker's equations are certainly totally unimodular, so that the linear relaxation
 * is the whole-number attack (every whole value between its minimum and maximum is attainable).
 *
 * Each aggregate sums the leaves of a "cylinder": fixed coordinates, wildcards elsewhere (its
 * pattern). Two aggregates whose patterns are nested (one's wildcards include the other's) are
 * nested or disjoint as sets of leaves; two with incomparable patterns may cross. A 0/1 matrix whose
 * rows split into two laminar families is totally unimodular (Edmonds), so it suffices to 2-colour
 * the patterns with an edge between every incomparable pair. 2-D tables with margins, hierarchical
 * rows against columns, and 1-D hierarchies pass; 3-D tables with all margins, linked tables and
 * ratios (percentages) do not, and get an integer program instead.
 */
export function isCertainlyUnimodular(patterns: Iterable<number>, dimensions: number): boolean {
  if (dimensions > maxDimensions) return false;
  const distinct = [...new Set(patterns)];
  const colour = new Map<number, number>();
  const crosses = (p: number, q: number) => (p & q) !== p && (p & q) !== q;
  for (const start of distinct) {
    if (colour.has(start)) continue;
    colour.set(start, 0);
    const queue = [start];
    while (queue.length > 0) {
      const p = queue.pop()!;
      for (const q of distinct) {
        if (q === p || !crosses(p, q)) continue;
        const expected = 1 - colour.get(p)!;
        const seen = colour.get(q);
        if (seen === undefined) {
          colour.set(q, expected);
          queue.push(q);
        } else if (seen !== expected) return false;
      }
    }
  }
  return true;
}

