import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream } from 'node:fs';
import { createAtomicFile } from './atomic-file';
import { csvLegend, formatCsvRow } from './csv-writer';
import type { TableWriter } from './table-writer';

/**
 * A published CSV that another program (DuckDB's COPY) writes into the temporary file: this writer
 * formats the header line for it, then appends the legend and hashes the whole, so the result is
 * byte for byte what createCsvWriter writes (UTF-8 with a BOM, CRLF) and nothing appears at the
 * destination until commit.
 */
export interface CsvBodyWriter extends TableWriter {
  /** The temporary file the rows are to be written to, header line first. */
  tempPath: string;
  /** The header line as written (BOM first), without its line end. */
  headerLine(): string;
}

export function createCsvBodyWriter(target: string, columns: number): CsvBodyWriter {
  const file = createAtomicFile(target);
  let header: string | null = null;
  return {
    tempPath: file.tempPath,
    writeRow(cells) {
      if (header !== null) throw new Error('only the header row is written here; the rest is written by DuckDB');
      header = `\ufeff${formatCsvRow(cells)}`;
    },
    headerLine() {
      if (header === null) throw new Error('the header row has not been given');
      return header;
    },
    async finish(legend) {
      try {
        appendFileSync(file.tempPath, csvLegend(legend, columns));
        const hash = createHash('sha256');
        for await (const chunk of createReadStream(file.tempPath, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
        return { sha256: hash.digest('hex'), commit: () => file.commit() };
      } catch (error) {
        file.abort();
        throw error;
      }
    },
    async abort() {
      file.abort();
    },
  };
}
