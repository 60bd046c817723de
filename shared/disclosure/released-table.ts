import { z } from 'zod';
import type { AttackModel } from './attack-model';
import type { AttackerKnowledge } from './attacker';
import type { Publication } from './publication';
import type { DisclosureSubject } from './subject';

/**
 * A table already released from a holding, as the register keeps it for auditing later tables from
 * the same holding together with it (linked tables: the same records tabulated twice share their
 * margins). It holds what the world was given, in the attacker's terms: each cell's interval as the
 * attacker reads it, which cells are sums of which (the audit's own model at the time), the row labels
 * that link it to other tables, and which cells were primary suppressions with the width they must
 * keep. It never holds a true count.
 */
export const releasedTableSchema = z
  .object({
    /** How messages name the release: the file and the day it was made. */
    name: z.string().min(1).max(300),
    labelColumns: z.array(z.string()),
    /** One list of labels per row. */
    rows: z.array(z.array(z.string())),
    countColumns: z.array(z.string()),
    /** Per cell (row-major): the attacker's interval; null above means unbounded. */
    lower: z.array(z.number()),
    upper: z.array(z.number().nullable()),
    /** Per leaf: the cell it is, or -1 for an unseen national remainder. */
    leafCell: z.array(z.number().int()),
    aggregates: z.array(z.object({ cell: z.number().int(), leaves: z.array(z.number().int()) }).strict()),
    /** Equations among leaves (totals the labels did not declare). */
    relations: z.array(z.object({ leaves: z.array(z.number().int()), coefficients: z.array(z.number()) }).strict()),
    /** Leaves that are no one combination of labels (remainders, totals that did not add up). */
    unlinkableLeaves: z.array(z.number().int()),
    primaryCells: z.array(z.number().int()),
    protectionWidth: z.number().int().min(1),
  })
  .strict();
export type ReleasedTable = z.infer<typeof releasedTableSchema>;

/** Linking a release with more cells than this would make every later audit of its holding slow. */
export const maxLinkedCells = 200_000;

export function releasedTableOf(
  name: string,
  subject: DisclosureSubject,
  publication: Publication,
  model: AttackModel,
  knowledge: AttackerKnowledge,
): ReleasedTable {
  const primaryCells: number[] = [];
  for (let cell = 0; cell < publication.size; cell++) if (publication.reason(cell) === 'primary') primaryCells.push(cell);
  return {
    name,
    labelColumns: [...subject.table.labelColumns],
    rows: subject.table.rows.map((row) => [...row.labels]),
    countColumns: [...subject.table.countColumns],
    lower: Array.from(knowledge.lower),
    upper: Array.from(knowledge.upper, (v) => (v === Infinity ? null : v)),
    leafCell: Array.from(model.leafCell),
    aggregates: model.aggregates.map((a) => ({ cell: a.cell, leaves: [...a.leaves] })),
    relations: model.relations.map((r) => ({ leaves: [...r.leaves], coefficients: [...r.coefficients] })),
    unlinkableLeaves: [...model.unlinkableLeaves],
    primaryCells,
    protectionWidth: subject.profile.protectionWidth,
  };
}
