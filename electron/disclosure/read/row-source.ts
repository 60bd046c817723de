/** One row as read from a file, before the table model decides what it means. */
export type RawCell = string | number | null;

export interface RawRow {
  cells: RawCell[];
  /** 1-based line (CSV) or sheet row (XLSX). */
  sourceRow: number;
}

/** How the file was read, for the report and the UI ("UTF-8 with BOM, semicolon-separated"). */
export interface SourceDescription {
  format: 'csv' | 'xlsx' | 'parquet';
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
}

/**
 * Rows from a CSV or a sheet, streamed where the format allows, with progress and the input's hash.
 * Rows come in batches: one asynchronous step per thousand rows rather than per row, which is most
 * of the difference between reading a million rows in seconds and in tens of seconds.
 */
export interface RowSource {
  description: SourceDescription;
  batches: AsyncIterable<RawRow[]>;
  /** Bytes consumed so far and in all, for progress bars. */
  progress(): { bytesRead: number; totalBytes: number };
  /** SHA-256 (hex) of the input's bytes; complete once `rows` has been read to the end. */
  sha256(): string;
}
