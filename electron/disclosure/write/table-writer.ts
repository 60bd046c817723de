/** A published table being written: rows of text and numbers, then a legend, then commit. */
export type OutputCell = string | number;

export interface TableWriter {
  writeRow(cells: OutputCell[]): Promise<void> | void;
  /**
   * Writes the legend and flushes to the temporary file; returns the output's SHA-256 and `commit`,
   * which renames it into place. Until then the destination is untouched and `abort` still works, so
   * an export can be recorded before its file appears.
   */
  finish(legend: string[]): Promise<{ sha256: string; commit: () => void }>;
  /** Discards everything written; the destination is left untouched. */
  abort(): Promise<void>;
}

export type OutputFormat = 'csv' | 'xlsx';

/** The largest sheet Excel can open, header included. */
export const xlsxMaxRows = 1_048_576;
