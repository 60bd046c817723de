import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Reads a CSV's bytes once: their SHA-256 for the report, and whether every double quote sits where
 * RFC 4180 allows one (opening a field, doubled inside a quoted field, or closing it before a
 * delimiter or line end). csv-parse refuses a quote anywhere else, while DuckDB's reader quietly
 * accepts some (`a, "b"` reads as `b`), so a file with such a quote is left to the JavaScript reader,
 * which names its row.
 */
export interface CsvScan {
  sha256: string;
  strayQuote: boolean;
}

const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export async function scanCsvQuotes(path: string, delimiter: string, bomLength: number): Promise<CsvScan> {
  const hash = createHash('sha256');
  const delimiterByte = delimiter.charCodeAt(0);
  const isBreak = (byte: number) => byte === delimiterByte || byte === lineFeed || byte === carriageReturn;
  let state = State.FieldStart;
  let stray = false;
  let skip = bomLength;
  for await (const read of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = read as Buffer;
    hash.update(chunk);
    if (stray) continue;
    let start = 0;
    if (skip > 0) {
      start = Math.min(skip, chunk.length);
      skip -= start;
    }
    if (start >= chunk.length) continue;
    // Most chunks of machine-written tables hold no quote: only the state at their end matters.
    if (state !== State.Quoted && state !== State.QuoteInQuoted && chunk.indexOf(quote, start) === -1) {
      state = isBreak(chunk[chunk.length - 1]!) ? State.FieldStart : State.Unquoted;
      continue;
    }
    for (let i = start; i < chunk.length; i++) {
      const byte = chunk[i]!;
      switch (state) {
        case State.FieldStart:
          state = byte === quote ? State.Quoted : isBreak(byte) ? State.FieldStart : State.Unquoted;
          break;
        case State.Unquoted:
          if (byte === quote) stray = true;
          else if (isBreak(byte)) state = State.FieldStart;
          break;
        case State.Quoted:
          if (byte === quote) state = State.QuoteInQuoted;
          break;
        case State.QuoteInQuoted:
          if (byte === quote) state = State.Quoted;
          else if (isBreak(byte)) state = State.FieldStart;
          else stray = true;
          break;
      }
      if (stray) break;
    }
  }
  // A quoted field still open at the end is an unclosed quote.
  return { sha256: hash.digest('hex'), strayQuote: stray || state === State.Quoted };
}
