/**
 * How the attacker names a cell: the release it was published in, its row's labels and its count
 * column. Cells of a release that was never published (the microdata a linked release is
 * tabulated from) are named the same way, under their own release name.
 */
export interface CellRef {
  release: string;
  labels: string[];
  column: string;
}

/** One string per cell, for maps and for messages. */
export const cellId = (ref: CellRef): string => [ref.release, ...ref.labels, ref.column].join(' | ');

/** An additive relation every attacker knows: the total cell is the sum of the member cells. */
export interface AdditiveRelation {
  total: CellRef;
  members: CellRef[];
}
