import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cellReasons, decideCell, type CellReason } from '../../../shared/disclosure/cell-rules';
import type { DisclosureProfile } from '../../../shared/disclosure/profile';
import { isTotalLabel } from '../../../shared/disclosure/table';
import { isTotalLikeLabel } from '../../../shared/disclosure/total-like-labels';

/**
 * Reads a CSV's bytes once, without making a string of them: their SHA-256 for the report, whether
 * the table is "plain", and (if it is) how many of its cells the profile suppresses and rounds.
 *
 * Plain means that the JavaScript pass would read and write every row exactly as DuckDB does:
 * strictly RFC 4180 (a quote only opening or closing a field, or doubled inside one), every record
 * as wide as the header (empty cells beyond it allowed), every count 1–15 plain digits, and no
 * label that the CSV writer would change (a formula guard, quotes: a leading = + - @ or tab, a space
 * at either end, a comma, a quote, a line break), that is blank, or that is a total or total-like
 * (which sends the JavaScript pass to read the table whole). Whether a label is a total is decided
 * by isTotalLabel and isTotalLikeLabel themselves, on the few labels short enough to be one.
 */
export interface PlainCsvScan {
  sha256: string;
  plain: boolean;
  rows: number;
  primary: number;
  rounded: number;
}

export interface PlainCsvLayout {
  delimiter: string;
  bomLength: number;
  labelColumns: number;
  countColumns: number;
  totalLabels: readonly string[];
  profile: DisclosureProfile;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const UNIT = 0x01; // DuckDB's COPY writes each line as one field with this delimiter

export async function scanPlainCsv(path: string, layout: PlainCsvLayout): Promise<PlainCsvScan> {
  const hash = createHash('sha256');
  const check = plainChecker(layout);
  let carry: Buffer | null = null;
  let skip = layout.bomLength;
  for await (const read of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = read as Buffer;
    hash.update(chunk);
    if (!check.plain) continue;
    let bytes = chunk;
    if (skip > 0) {
      const cut = Math.min(skip, bytes.length);
      bytes = bytes.subarray(cut);
      skip -= cut;
    }
    // Records cut at the end of a read are carried into the next one.
    const consume = (buffer: Buffer) => {
      const used = check.records(buffer, false);
      carry = used < buffer.length ? Buffer.from(buffer.subarray(used)) : null;
    };
    const cut: Buffer | null = carry;
    const lineEnd = cut ? bytes.indexOf(LF) : -1;
    if (!cut) consume(bytes);
    else if (lineEnd < 0) consume(Buffer.concat([cut, bytes]));
    else {
      // Join only the cut record's end, not the whole megabyte (whose copies keep the collector busy).
      consume(Buffer.concat([cut, bytes.subarray(0, lineEnd + 1)]));
      const rest = bytes.subarray(lineEnd + 1);
      const left: Buffer | null = carry;
      consume(left ? Buffer.concat([left, rest]) : rest);
    }
  }
  if (check.plain && carry) check.records(carry, true);
  return { sha256: hash.digest('hex'), plain: check.plain && check.rows > 0, rows: check.rows, primary: check.primary, rounded: check.rounded };
}

/**
 * The words a total may be labelled with are short: only an ASCII label whose first letter and
 * length are a word's can be one. A table of (lower-cased first byte, length) pairs; the words'
 * lengths are under 128 (total labels are at most 100 characters).
 */
function totalCandidates(totalLabels: readonly string[]): { maxLength: number; isCandidate: Uint8Array } {
  const words = [...totalLabels, 'all', 'all persons', 'all people', 'persons', 'people', 'total', 'totals', 'grand total', 'subtotal', 'sub-total',
    'overall', 'sum', 'any', 'everyone', 'england', 'national', 'uk', 'united kingdom', 'great britain', 'england and wales'].map((w) => w.trim().toLowerCase());
  const isCandidate = new Uint8Array(256 * 128);
  for (const word of words) if (word.length > 0 && word.length < 128) isCandidate[word.charCodeAt(0) * 128 + word.length] = 1;
  return { maxLength: Math.max(...words.map((w) => w.length)), isCandidate };
}

/** What a byte means to the scan: part of a value, the end of one, not allowed in a label, or part of a non-ASCII character. */
const ORDINARY = 0;
const BREAK = 1;
const FORBIDDEN = 2;
const NON_ASCII = 3;

function byteClasses(delimiter: number): Uint8Array {
  const classes = new Uint8Array(256);
  for (let b = 0x80; b < 256; b++) classes[b] = NON_ASCII;
  // A quote inside a value, DuckDB's COPY delimiter, or a comma (which the writer would quote).
  classes[QUOTE] = FORBIDDEN;
  classes[UNIT] = FORBIDDEN;
  classes[COMMA] = FORBIDDEN;
  classes[LF] = BREAK;
  classes[CR] = BREAK;
  classes[delimiter] = BREAK;
  return classes;
}

function plainChecker(layout: PlainCsvLayout) {
  const delimiter = layout.delimiter.charCodeAt(0);
  const width = layout.labelColumns + layout.countColumns;
  const candidates = totalCandidates(layout.totalLabels);
  const classes = byteClasses(delimiter);
  // The rule's answer for each count below 65,536, asked once (counts repeat, small ones above all):
  // 0 not yet asked, then 1 + the index of the reason.
  const known = new Uint8Array(1 << 16);
  const reasonOf = (value: number): CellReason => {
    if (value >= known.length) return decideCell(value, layout.profile, false).reason;
    const code = known[value]!;
    if (code !== 0) return cellReasons[code - 1]!;
    const reason = decideCell(value, layout.profile, false).reason;
    known[value] = cellReasons.indexOf(reason) + 1;
    return reason;
  };
  const state = { plain: true, rows: 0, primary: 0, rounded: 0, header: true };

  /** Whether the JavaScript pass would write this label as it is, and not take it for a total. */
  function plainLabel(buffer: Buffer, start: number, end: number, nonAscii: boolean): boolean {
    if (end === start) return false;
    const first = buffer[start]!;
    const last = buffer[end - 1]!;
    if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first <= 0x20 || last <= 0x20) return false;
    const length = end - start;
    if (nonAscii) {
      // A space JavaScript's trim() knows beyond ASCII, or a character that lowercases to a plain letter.
      if ((first >= 0x80 || last >= 0x80 || length <= 4 * candidates.maxLength) && !plainText(buffer.toString('utf8', start, end))) return false;
      return true;
    }
    if (length <= candidates.maxLength && candidates.isCandidate[(first | 0x20) * 128 + length] === 1) return plainText(buffer.toString('latin1', start, end));
    return true;
  }

  function plainText(text: string): boolean {
    return !/^\s|\s$/.test(text) && !isTotalLikeLabel(text) && !isTotalLabel(text, layout.totalLabels);
  }

  /**
   * Checks the whole records in `buffer` and returns how many bytes they took: an incomplete last
   * record is left for the next chunk unless this is the end of the file.
   */
  function records(buffer: Buffer, atEnd: boolean): number {
    const n = buffer.length;
    let i = 0;
    while (i < n && state.plain) {
      const recordStart = i;
      if (buffer[i] === LF || buffer[i] === CR) {
        // An empty line: skipped by both readers, but not before the header (DuckDB would take it as one).
        if (state.header) return fail();
        i++;
        continue;
      }
      let field = 0;
      let complete = false;
      for (;;) {
        let start = i;
        let end: number;
        let nonAscii = false;
        if (buffer[i] === QUOTE) {
          start = ++i;
          while (i < n && buffer[i] !== QUOTE) {
            // A delimiter, comma or line break inside quotes would need quoting again: left to JavaScript.
            const kind = classes[buffer[i]!]!;
            if (kind === NON_ASCII) nonAscii = true;
            else if (kind !== ORDINARY) return fail();
            i++;
          }
          if (i >= n) break; // the closing quote is in the next chunk
          end = i++;
          // A doubled quote (a quote in the value) or anything but a delimiter or line end after the closing quote.
          if (i < n && buffer[i] !== delimiter && buffer[i] !== LF && buffer[i] !== CR) return fail();
        } else {
          while (i < n) {
            const kind = classes[buffer[i]!]!;
            if (kind === ORDINARY) {
              i++;
              continue;
            }
            if (kind === BREAK) break;
            if (kind === FORBIDDEN) return fail();
            nonAscii = true;
            i++;
          }
          end = i;
        }
        if (i >= n && !atEnd) break;
        if (!state.header) {
          if (field < layout.labelColumns) {
            if (!plainLabel(buffer, start, end, nonAscii)) return fail();
          } else if (field < width) {
            const length = end - start;
            if (length === 0 || length > 15) return fail();
            let value = 0;
            for (let k = start; k < end; k++) {
              const digit = buffer[k]! - 0x30;
              if (digit < 0 || digit > 9) return fail();
              value = value * 10 + digit;
            }
            const reason = reasonOf(value);
            if (reason === 'primary') state.primary++;
            else if (reason === 'rounded') state.rounded++;
            else if (reason !== 'unchanged') return fail();
          } else if (end > start) return fail(); // a value beyond the header's columns
        }
        field++;
        if (i < n && buffer[i] === delimiter) {
          i++;
          continue;
        }
        complete = true;
        break;
      }
      if (!complete) {
        if (atEnd) return fail(); // an unclosed quote
        return recordStart;
      }
      if (field < width) return fail();
      if (state.header) state.header = false;
      else state.rows++;
      // The line end: CR, LF or CRLF (or the end of the file).
      if (i < n && buffer[i] === CR) i++;
      if (i < n && buffer[i] === LF) i++;
    }
    return i;
  }

  function fail(): number {
    state.plain = false;
    return Number.MAX_SAFE_INTEGER;
  }

  return {
    get plain() {
      return state.plain;
    },
    get rows() {
      return state.rows;
    },
    get primary() {
      return state.primary;
    },
    get rounded() {
      return state.rounded;
    },
    records,
  };
}
