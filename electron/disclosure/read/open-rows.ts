import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { DisclosureInputError } from '../../../shared/disclosure/input-error';
import { checkXlsxFileSize, XlsxRefused } from '../../xlsx/xlsx-bounds';
import { openCsvRows } from './csv-rows';
import type { RowSource } from './row-source';
import { sniffFileKind } from './sniff';
import type { TableInput } from './table-input';

/** Bytes examined to decide the encoding and delimiter: enough that a late accented name is seen. */
const headBytes = 1 << 20;

/** Opens a table input as rows, deciding CSV, XLSX or Parquet from its content. */
export async function openRows(input: Exclude<TableInput, { kind: 'table' }>, sheet: string | undefined): Promise<RowSource> {
  if (input.kind === 'bytes') {
    const kind = sniffFileKind(input.bytes.subarray(0, headBytes), input.bytes.byteLength);
    if (kind === 'xlsx') return (await import('./xlsx-rows')).openXlsxRows(input.bytes, sheet);
    if (kind === 'parquet') return (await import('./parquet-bytes')).openParquetBytes(input.bytes);
    return openCsvRows(oneChunk(input.bytes), input.bytes.subarray(0, headBytes), input.bytes.byteLength);
  }
  const { path } = input;
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new DisclosureInputError(`${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof DisclosureInputError) throw error;
    throw new DisclosureInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'permission denied or unreadable'}`);
  }
  const head = readHead(path, Math.min(size, headBytes));
  const kind = sniffFileKind(head, size);
  // DuckDB (a large native module) loads only for Parquet.
  if (kind === 'parquet') return (await import('./parquet-rows')).openParquetRows(path, size);
  if (kind === 'xlsx') {
    // A workbook is read whole; one too big to accept is refused before it is read at all.
    try {
      checkXlsxFileSize(size);
    } catch (error) {
      if (error instanceof XlsxRefused) throw new DisclosureInputError(error.problem);
      throw error;
    }
    return (await import('./xlsx-rows')).openXlsxRows(readFileSync(path), sheet);
  }
  return openCsvRows(fileChunks(path), head, size);
}

/**
 * A CSV's bytes, 256 KiB at a time (batches of about ten thousand rows keep the live set small),
 * after a first read of 64 KiB: the header and the sample that decides the columns come from it, so
 * a large table is not parsed further than that before it is known what to do with it (DuckDB may
 * protect it instead, and the screen shows its first rows sooner).
 */
async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const first = 1 << 16;
  for await (const chunk of createReadStream(path, { start: 0, end: first - 1, highWaterMark: first })) yield chunk as Buffer;
  for await (const chunk of createReadStream(path, { start: first, highWaterMark: 1 << 18 })) yield chunk as Buffer;
}

/** The first `length` bytes of a file (fewer if it is shorter). */
export function readHead(path: string, length: number): Uint8Array {
  const buffer = Buffer.alloc(Math.min(length, statSync(path).size));
  length = buffer.length;
  const fd = openSync(path, 'r');
  try {
    let offset = 0;
    while (offset < length) {
      const n = readSync(fd, buffer, offset, length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return buffer.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  // Chunked so that progress moves and the decoder never holds one huge string.
  for (let offset = 0; offset < bytes.byteLength; offset += 1 << 18) yield bytes.subarray(offset, offset + (1 << 18));
}
