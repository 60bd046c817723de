import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { neutraliseFormula } from '../../../shared/exports/spreadsheet-safety';
import { createAtomicFile } from './atomic-file';
import type { OutputCell, TableWriter } from './table-writer';

const flushAt = 1 << 20;

/**
 * Writes a published table as CSV: UTF-8 with a byte-order mark (so Excel reads accented names
 * correctly), comma-separated, quoted only where needed, text neutralised against formulas,
 * numbers left as plain numbers. The legend follows the table after a blank line.
 */
export function createCsvWriter(target: string, columns: number): TableWriter {
  const file = createAtomicFile(target);
  const stream = createWriteStream(file.tempPath);
  const hash = createHash('sha256');
  let buffer = '\ufeff';
  let failed: Error | null = null;
  stream.on('error', (error) => (failed = error));

  const flush = async () => {
    if (failed) throw failed;
    if (!buffer) return;
    const bytes = Buffer.from(buffer, 'utf8');
    buffer = '';
    hash.update(bytes);
    if (!stream.write(bytes)) await once(stream, 'drain');
  };

  return {
    writeRow(cells) {
      buffer += formatCsvRow(cells) + '\r\n';
      if (buffer.length >= flushAt) return flush();
    },
    async finish(legend) {
      buffer += csvLegend(legend, columns);
      await flush();
      stream.end();
      await once(stream, 'finish');
      if (failed) throw failed;
      return { sha256: hash.digest('hex'), commit: () => file.commit() };
    },
    async abort() {
      // After finish the stream has closed already: waiting for another 'close' would never end.
      if (!stream.closed) {
        stream.destroy();
        await once(stream, 'close').catch(() => {});
      }
      file.abort();
    },
  };
}

/** The legend under a table: a blank line, then one line per sentence, padded to the table's width. */
export function csvLegend(legend: readonly string[], columns: number): string {
  if (legend.length === 0) return '';
  let text = '\r\n';
  for (const line of legend) text += formatCsvRow([line, ...Array<string>(Math.max(0, columns - 1)).fill('')]) + '\r\n';
  return text;
}

export function formatCsvRow(cells: readonly OutputCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    const cell = cells[i]!;
    line += typeof cell === 'number' ? String(cell) : quoteCsv(neutraliseFormula(cell));
  }
  return line;
}

function quoteCsv(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
