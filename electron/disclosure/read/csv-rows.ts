import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { CsvError, parse, type Options } from 'csv-parse';
import { DisclosureInputError } from '../../../shared/disclosure/input-error';
import { detectDelimiter } from './delimiter';
import type { RawRow, RowSource } from './row-source';
import { createDecoder, detectEncoding, type TextEncoding } from './text-encoding';

const encodingNames: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};
const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * Streams the rows of a CSV: bytes are hashed as they are read, the encoding and delimiter are
 * detected from the start of the file, and csv-parse does the quoting rules. Memory stays flat
 * however long the file is.
 */
export async function openCsvRows(
  chunks: AsyncIterable<Uint8Array>,
  head: Uint8Array,
  totalBytes: number,
): Promise<RowSource> {
  const detected = detectEncoding(head);
  const probe = createDecoder(detected.encoding);
  const delimiter = detectDelimiter(probe.decode(head.subarray(detected.bomLength, 65536)));
  const hash = createHash('sha256');
  let bytesRead = 0;

  async function* decodedText(): AsyncGenerator<string> {
    const decoder = createDecoder(detected.encoding);
    let skip = detected.bomLength;
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytesRead += chunk.byteLength;
      let bytes = chunk;
      if (skip > 0) {
        const cut = Math.min(skip, bytes.byteLength);
        bytes = bytes.subarray(cut);
        skip -= cut;
      }
      const decoded = decoder.decode(bytes);
      if (decoded) yield decoded;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  async function* batches(): AsyncGenerator<RawRow[]> {
    // csv-parse transforms synchronously inside write(), so the records of each decoded chunk are
    // collected in one go and handed on as a single batch.
    // on_record builds the row from the parser's live context: no per-record snapshot object.
    const options: Options<RawRow, string[]> = {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record, context) => ({ cells: record, sourceRow: context.lines }),
    };
    // csv-parse's overloads only carry the record type when `columns` is set.
    const parser = parse(options as unknown as Options);
    let batch: RawRow[] = [];
    let failure: unknown = null;
    parser.on('data', (row: RawRow) => batch.push(row));
    parser.on('error', (error) => (failure ??= error));
    const ended = once(parser, 'end').catch(() => undefined);
    const take = () => {
      if (failure) throw failure instanceof CsvError ? csvProblem(failure) : failure;
      const taken = batch;
      batch = [];
      return taken;
    };
    for await (const text of decodedText()) {
      parser.write(text);
      const rows = take();
      if (rows.length > 0) yield rows;
    }
    parser.end();
    await ended;
    const rows = take();
    if (rows.length > 0) yield rows;
  }

  return {
    description: {
      format: 'csv',
      encoding: encodingNames[detected.encoding] + (detected.bomLength && detected.encoding === 'utf-8' ? ' with BOM' : ''),
      delimiter: delimiterNames[delimiter],
    },
    batches: batches(),
    progress: () => ({ bytesRead, totalBytes }),
    sha256: () => hash.copy().digest('hex'),
  };
}

function csvProblem(error: CsvError): DisclosureInputError {
  const line = (error as CsvError & { lines?: number }).lines;
  const location = line ? { row: line } : {};
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new DisclosureInputError('a quoted value is never closed; check for a stray double quote (")', location);
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE') {
    return new DisclosureInputError('a double quote (") appears inside an unquoted value; quote the whole value and double the inner quote', location);
  }
  return new DisclosureInputError(`the CSV cannot be read (${error.code})`, location);
}
