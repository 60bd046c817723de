import type { AttackModel } from './attack-model';
import type { AttackerKnowledge } from './attacker';
import type { SystemRow } from './attack-system';
import type { ReleasedTable } from './released-table';
import type { DisclosureSubject } from './subject';

/**
 * One table as the audit's system sees it: leaves with the attacker's bounds, aggregates (sums of
 * leaves) with theirs, and the labels that link its leaves to another table's. The table being
 * published is one part; each earlier release from the same holding is another.
 */
export interface AttackPart {
  /** The earlier release's name; null for the table being published. */
  name: string | null;
  leafLower: Float64Array;
  leafUpper: Float64Array;
  aggregates: { leaves: number[]; pattern: number; lower: number; upper: number }[];
  /** Equations among leaves (= 0) for totals the labels do not declare. */
  relations: { leaves: number[]; coefficients: number[] }[];
  leavesOfCell(cell: number): number[];
  /** An aggregate's wildcard pattern, null for a leaf, -1 when not known (an earlier release). */
  patternOfCell(cell: number): number | null;
  primaryCells: number[];
  protectionWidth: number;
  dimensions: number;
  /** Label column names, as linked (trimmed, any case). */
  linkColumns: string[];
  /** A leaf's labels, or null for a leaf that is no one combination of labels. */
  leafLabels(leaf: number): string[] | null;
}

const linkName = (name: string) => name.trim().toLocaleLowerCase('en-GB');

export function attackPartOfSubject(subject: DisclosureSubject, model: AttackModel, knowledge: AttackerKnowledge): AttackPart {
  const width = subject.table.countColumns.length;
  const leafLower = Float64Array.from(model.leafCell, (cell) => (cell >= 0 ? knowledge.lower[cell]! : 0));
  const leafUpper = Float64Array.from(model.leafCell, (cell) => (cell >= 0 ? knowledge.upper[cell]! : Infinity));
  const unlinkable = new Set(model.unlinkableLeaves);
  return {
    name: null,
    leafLower,
    leafUpper,
    aggregates: model.aggregates.map((a) => ({ leaves: a.leaves, pattern: a.pattern, lower: knowledge.lower[a.cell]!, upper: knowledge.upper[a.cell]! })),
    relations: model.relations,
    leavesOfCell: (cell) => {
      const leaf = model.leafOfCell[cell]!;
      return leaf >= 0 ? [leaf] : model.aggregates[model.aggregateOfCell[cell]!]!.leaves;
    },
    patternOfCell: (cell) => (model.leafOfCell[cell]! >= 0 ? null : model.aggregates[model.aggregateOfCell[cell]!]!.pattern),
    primaryCells: [],
    protectionWidth: subject.profile.protectionWidth,
    dimensions: model.dimensions,
    linkColumns: subject.table.labelColumns.map(linkName),
    leafLabels: (leaf) => (unlinkable.has(leaf) ? null : subject.table.rows[Math.floor(model.leafCell[leaf]! / width)]!.labels),
  };
}

export function attackPartOfRelease(release: ReleasedTable): AttackPart {
  const width = release.countColumns.length;
  const leafOfCell = new Map<number, number>();
  release.leafCell.forEach((cell, leaf) => {
    if (cell >= 0) leafOfCell.set(cell, leaf);
  });
  const aggregateOfCell = new Map(release.aggregates.map((a, i) => [a.cell, i]));
  const bound = (value: number | null | undefined) => (value === null || value === undefined ? Infinity : value);
  const unlinkable = new Set(release.unlinkableLeaves);
  return {
    name: release.name,
    leafLower: Float64Array.from(release.leafCell, (cell) => (cell >= 0 ? release.lower[cell]! : 0)),
    leafUpper: Float64Array.from(release.leafCell, (cell) => (cell >= 0 ? bound(release.upper[cell]) : Infinity)),
    aggregates: release.aggregates.map((a) => ({ leaves: a.leaves, pattern: -1, lower: release.lower[a.cell]!, upper: bound(release.upper[a.cell]) })),
    relations: release.relations,
    leavesOfCell: (cell) => {
      const leaf = leafOfCell.get(cell);
      if (leaf !== undefined) return [leaf];
      const aggregate = aggregateOfCell.get(cell);
      return aggregate === undefined ? [] : release.aggregates[aggregate]!.leaves;
    },
    patternOfCell: (cell) => (leafOfCell.has(cell) ? null : -1),
    primaryCells: release.primaryCells,
    protectionWidth: release.protectionWidth,
    dimensions: release.labelColumns.length + (width > 1 ? 1 : 0),
    linkColumns: release.labelColumns.map(linkName),
    leafLabels: (leaf) => (unlinkable.has(leaf) ? null : release.rows[Math.floor(release.leafCell[leaf]! / width)]!),
  };
}

/**
 * The equations that link part b to part a: two tabulations of the same records agree on every
 * margin over the label columns they share (and on the grand total when they share none). For each
 * combination of shared labels, a's leaves with it sum to the same as b's. Indices are global: each
 * part's leaves follow the leaves of the parts before it in `parts`.
 */
export function linkRows(parts: readonly AttackPart[], a: number, b: number): SystemRow[] {
  const offset = (p: number) => parts.slice(0, p).reduce((n, part) => n + part.leafLower.length, 0);
  const partA = parts[a]!;
  const partB = parts[b]!;
  const shared = partA.linkColumns.filter((name) => partB.linkColumns.includes(name));
  const groups = new Map<string, Map<number, number>>();
  const collect = (part: AttackPart, base: number, sign: number) => {
    const columns = shared.map((name) => part.linkColumns.indexOf(name));
    for (let leaf = 0; leaf < part.leafLower.length; leaf++) {
      const labels = part.leafLabels(leaf);
      if (!labels) continue;
      const key = columns.map((c) => linkName(labels[c]!)).join('\u0000');
      let terms = groups.get(key);
      if (!terms) groups.set(key, (terms = new Map()));
      terms.set(base + leaf, sign);
    }
  };
  collect(partA, offset(a), 1);
  collect(partB, offset(b), -1);
  return [...groups.values()].map((terms) => ({
    leaves: [...terms.keys()],
    coefficients: [...terms.values()],
    lower: 0,
    upper: 0,
    pattern: -1,
  }));
}
