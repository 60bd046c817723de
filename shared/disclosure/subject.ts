import type { DisclosureProfile } from './profile';
import type { TableStructure } from './structure';
import { nationalRows, type CountTable, type TableOptions } from './table';

/** Everything the engine knows about the table it protects, computed once. */
export interface DisclosureSubject {
  table: CountTable;
  options: TableOptions;
  structure: TableStructure;
  profile: DisclosureProfile;
  /** True count per cell. */
  values: Float64Array;
  /** 1 where the cell's row is a national figure. */
  nationalCell: Uint8Array;
  /** For each cell, the equations it appears in (as member or total). */
  equationsOfCell: number[][];
}

export function buildSubject(
  table: CountTable,
  options: TableOptions,
  structure: TableStructure,
  profile: DisclosureProfile,
): DisclosureSubject {
  const width = table.countColumns.length;
  const size = table.rows.length * width;
  const values = new Float64Array(size);
  const nationalCell = new Uint8Array(size);
  const national = nationalRows(table, options.national);
  table.rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      values[r * width + c] = row.counts[c]!;
      nationalCell[r * width + c] = national[r] ? 1 : 0;
    }
  });
  const equationsOfCell: number[][] = Array.from({ length: size }, () => []);
  structure.equations.forEach((equation, e) => {
    equationsOfCell[equation.total]!.push(e);
    for (const member of equation.members) equationsOfCell[member]!.push(e);
  });
  return { table, options, structure, profile, values, nationalCell, equationsOfCell };
}

/**
 * Whether the marker may hide a complementary suppression. If it may, the attacker cannot assume a
 * suppressed cell lies in the primary range, only that it is at least the smallest count a marker
 * can hide.
 */
export function secondaryInPlay(subject: DisclosureSubject): boolean {
  return subject.profile.secondarySuppression && subject.structure.equations.length > 0;
}

/** The smallest count a marker can hide: 0 when zeros are suppressed, else 1 (a shown 0 is exact). */
export function markerLowerBound(profile: DisclosureProfile): number {
  return profile.zeros === 'suppress' ? 0 : 1;
}
