import { cellReasons, type CellReason } from './cell-rules';

/**
 * The state of a table being protected: per cell, what will be published and why. Typed arrays,
 * because a long-format table can have millions of cells.
 */
export class Publication {
  /** Published count per cell; NaN stands for the suppression marker. */
  readonly published: Float64Array;
  private readonly reasonCodes: Uint8Array;
  /** For a complementary suppression, the primary cell it was chosen to protect; otherwise -1. */
  readonly protects: Int32Array;

  constructor(readonly size: number) {
    this.published = new Float64Array(size);
    this.reasonCodes = new Uint8Array(size);
    this.protects = new Int32Array(size).fill(-1);
  }

  reason(cell: number): CellReason {
    return cellReasons[this.reasonCodes[cell]!]!;
  }

  set(cell: number, published: number | null, reason: CellReason, protects = -1): void {
    this.published[cell] = published ?? Number.NaN;
    this.reasonCodes[cell] = cellReasons.indexOf(reason);
    this.protects[cell] = protects;
  }

  isSuppressed(cell: number): boolean {
    return Number.isNaN(this.published[cell]!);
  }

  /** The published count, or null for the marker. */
  value(cell: number): number | null {
    const v = this.published[cell]!;
    return Number.isNaN(v) ? null : v;
  }

  count(reason: CellReason): number {
    const code = cellReasons.indexOf(reason);
    let n = 0;
    for (let i = 0; i < this.size; i++) if (this.reasonCodes[i] === code) n++;
    return n;
  }
}
