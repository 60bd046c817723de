/**
 * What a worksheet or shared-strings part of an XLSX file holds, measured on its bytes without
 * building a DOM or a string of the whole part: the declared dimension, the last row and column
 * that hold a cell, how many cells, and the longest text of any one cell (or shared string).
 * Tags may carry a namespace prefix (`<x:c>`), as some generators write them.
 */
export interface XmlExtent {
  /** `<dimension ref="A1:XFD1048576"/>`, as declared (null when absent). */
  dimension: { ref: string; rows: number; columns: number } | null;
  lastRow: number;
  lastColumn: number;
  cells: number;
  /** The longest text in one cell or shared string, in characters, and where (a cell reference, or "shared string N"). */
  longest: { chars: number; where: string };
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/** `exactAbove`: texts longer than this many bytes are decoded to count their characters exactly. */
export function measureXml(xml: Buffer, exactAbove: number): XmlExtent {
  const extent: XmlExtent = { dimension: null, lastRow: 0, lastColumn: 0, cells: 0, longest: { chars: 0, where: '' } };
  let row = 0;
  let column = 0;
  let sharedString = 0;
  // Text inside the current cell (`c`) or shared string (`si`), summed over its v, t and f parts.
  let holder: string | null = null;
  let holderBytes = 0;
  let holderText: Buffer[] = [];

  let at = xml.indexOf(LT);
  while (at >= 0) {
    const tagEnd = xml.indexOf(GT, at + 1);
    if (tagEnd < 0) break;
    const closing = xml[at + 1] === SLASH;
    const selfClosing = xml[tagEnd - 1] === SLASH;
    const name = localName(xml, closing ? at + 2 : at + 1, tagEnd);

    if (!closing) {
      if (name === 'row') {
        const r = attribute(xml, at, tagEnd, 'r');
        row = r !== null ? Number(r) || row + 1 : row + 1;
        column = 0;
        if (row > extent.lastRow) extent.lastRow = row;
      } else if (name === 'c') {
        extent.cells++;
        const ref = attribute(xml, at, tagEnd, 'r');
        const parsed = ref === null ? null : parseCellRef(ref);
        if (parsed) {
          row = parsed.row;
          column = parsed.column;
        } else column++;
        if (row > extent.lastRow) extent.lastRow = row;
        if (column > extent.lastColumn) extent.lastColumn = column;
        if (!selfClosing) startHolder(`cell ${ref ?? `${columnName(column)}${row}`}`);
      } else if (name === 'si') {
        sharedString++;
        if (!selfClosing) startHolder(`shared string ${sharedString}`);
      } else if ((name === 'v' || name === 't' || name === 'f') && !selfClosing && holder !== null) {
        const textEnd = xml.indexOf(LT, tagEnd + 1);
        const end = textEnd < 0 ? xml.length : textEnd;
        holderBytes += end - tagEnd - 1;
        holderText.push(xml.subarray(tagEnd + 1, end)); // a view, not a copy
      } else if (name === 'dimension') {
        const ref = attribute(xml, at, tagEnd, 'ref');
        if (ref !== null) extent.dimension = dimensionOf(ref);
      }
    } else if ((name === 'c' || name === 'si') && holder !== null) {
      endHolder();
    }
    at = xml.indexOf(LT, tagEnd + 1);
  }
  return extent;

  function startHolder(where: string): void {
    holder = where;
    holderBytes = 0;
    holderText = [];
  }
  function endHolder(): void {
    // Bytes are an upper bound on characters; only a long text is decoded to count exactly.
    if (holderBytes > extent.longest.chars) {
      const chars = holderBytes > exactAbove ? charactersIn(holderText) : holderBytes;
      if (chars > extent.longest.chars) extent.longest = { chars, where: holder! };
    }
    holder = null;
    holderText = [];
  }
}

/** Characters a reader would see: UTF-8 decoded, each entity (`&amp;`, `&#233;`) one character. */
function charactersIn(parts: readonly Buffer[]): number {
  let chars = 0;
  for (const part of parts) chars += part.toString('utf8').replace(/&[#a-zA-Z0-9]{1,10};/g, '&').length;
  return chars;
}

function localName(xml: Buffer, from: number, tagEnd: number): string {
  let end = from;
  while (end < tagEnd && end - from < 64) {
    const b = xml[end]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH || b === GT) break;
    end++;
  }
  const full = xml.toString('latin1', from, end);
  const colon = full.indexOf(':');
  return colon >= 0 ? full.slice(colon + 1) : full;
}

const attributePatterns = new Map<string, RegExp>();
const attributePattern = (name: string): RegExp => {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`)));
  return pattern;
};

/** The value of an attribute (without prefix) in the tag between `from` and `tagEnd`, or null. */
function attribute(xml: Buffer, from: number, tagEnd: number, name: string): string | null {
  // Tags worth reading attributes from are short; a huge one is cut, so this never costs much.
  const tag = xml.toString('latin1', from, Math.min(tagEnd, from + 4096));
  const match = attributePattern(name).exec(tag);
  return match ? match[1]! : null;
}

export function parseCellRef(ref: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

function dimensionOf(ref: string): XmlExtent['dimension'] {
  const corners = ref.split(':');
  const last = parseCellRef(corners.at(-1)!);
  const first = parseCellRef(corners[0]!);
  if (!last || !first) return null;
  return { ref, rows: last.row, columns: last.column };
}

export function columnName(position: number): string {
  let n = position;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
