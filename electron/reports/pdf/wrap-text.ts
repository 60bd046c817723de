/** Measures the width of a string in points in the current font and size. */
export type MeasureText = (text: string) => number;

/**
 * Breaks text into lines no wider than `width`, at spaces where it can and inside a word only when
 * the word alone is wider than the line (long file references, checksums, URLs). Line breaks in the
 * text are kept, blank lines included. The table helper lays out every cell with this, so it knows
 * each row's height before drawing it and can split a row taller than a page across pages.
 *
 * Always returns at least one line ("" for empty text). A single character wider than `width` still
 * gets a line of its own rather than looping forever.
 */
export function wrapText(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) wrapParagraph(paragraph, width, measure, lines);
  return lines.length > 0 ? lines : [''];
}

function wrapParagraph(paragraph: string, width: number, measure: MeasureText, lines: string[]): void {
  const words = paragraph.split(' ').filter((word) => word.length > 0);
  if (words.length === 0) {
    lines.push('');
    return;
  }
  // Widths add up word by word (a space's width between them), so each word is measured once
  // rather than measuring the growing line again for every word.
  const space = measure(' ');
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const wordWidth = measure(word);
    if (line !== '' && lineWidth + space + wordWidth <= width) {
      line = `${line} ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    const pieces = breakWord(word, width, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? '';
    lineWidth = measure(line);
  }
  lines.push(line);
}

/** Characters after which a reference or path reads naturally when broken: DARS-NIC-…, s3://bucket/…. */
const softBreakAfter = new Set(['-', '/', '\\', '_', '.', ',', ';', ':']);

/**
 * Splits a word wider than the line into pieces that fit, at least one character per piece,
 * breaking after a hyphen, slash or similar when one falls after the first third of the piece.
 */
function breakWord(word: string, width: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece: string[] = [];
  for (const char of word) {
    while (piece.length > 0 && measure(piece.join('') + char) > width) {
      const soft = lastSoftBreak(piece);
      const cut = soft >= piece.length / 3 ? soft + 1 : piece.length;
      pieces.push(piece.slice(0, cut).join(''));
      piece = piece.slice(cut);
    }
    piece.push(char);
  }
  pieces.push(piece.join(''));
  return pieces;
}

function lastSoftBreak(chars: readonly string[]): number {
  for (let i = chars.length - 2; i >= 0; i--) if (softBreakAfter.has(chars[i]!)) return i;
  return -1;
}
