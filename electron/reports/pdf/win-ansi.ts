/**
 * pdfkit's built-in fonts (Helvetica and friends) are encoded in WinAnsi (Windows-1252): a
 * character outside it is written as a code the font has no glyph for, and the PDF shows garbage
 * or nothing. Every string that reaches a built-in font goes through `toWinAnsi` first, which keeps
 * what WinAnsi can draw, spells out common typographic characters (≤ → <=, → → ->), strips accents
 * it cannot draw (ő → o), and replaces anything else with a visible "?", never silently dropping
 * a character a reader might need to know was there.
 */

/** Unicode characters above Latin-1 that WinAnsi can draw (its 0x80–0x9F range). */
const winAnsiExtras = new Set<number>([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
]);

/** Spellings for characters that have no WinAnsi glyph but a well-known plain equivalent. */
const spelledOut: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2015': '\u2014', // horizontal bar
  '\u2212': '-', // minus sign
  '\u2032': "'", // prime
  '\u2033': '"', // double prime
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2713': 'Yes',
  '\u2714': 'Yes',
  '\u2717': 'No',
  '\u2718': 'No',
  '\u2116': 'No.',
  '\u0141': 'L', // Ł has no decomposition
  '\u0142': 'l',
  '\u0110': 'D', // Đ
  '\u0111': 'd',
  '\u0131': 'i', // dotless i
  '\u2009': ' ', // thin space
  '\u200a': ' ',
  '\u2007': ' ',
  '\u202f': ' ', // narrow no-break space (French number formatting)
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2028': '\n', // line separator
  '\u2029': '\n',
  '\t': ' ',
};

/** Characters that vanish: zero-width marks carry no meaning on paper. */
const invisible = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);

const REPLACEMENT = '?';

/** True when a single character (one code point) can be drawn by a WinAnsi font, newline included. */
export function isWinAnsiDrawable(char: string): boolean {
  const code = char.codePointAt(0);
  if (code === undefined || char.length > 2) return false;
  if (code === 0x0a) return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xff && code !== 0xad) return true;
  return winAnsiExtras.has(code);
}

/**
 * The text as a built-in PDF font can draw it. Line breaks are kept (as "\n"); other control
 * characters become spaces; every character the font cannot draw is spelled out, stripped of its
 * accent, or replaced by "?".
 */
export function toWinAnsi(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n').normalize('NFC');
  let out = '';
  for (const char of normalised) {
    if (isWinAnsiDrawable(char)) out += char;
    else if (invisible.has(char)) continue;
    else if (char in spelledOut) out += spelledOut[char];
    else out += withoutAccents(char) ?? (isControl(char) ? ' ' : REPLACEMENT);
  }
  return out;
}

/** "ő" → "o", "ﬁ" → "fi": the compatibility decomposition, if every part of it is drawable. */
function withoutAccents(char: string): string | null {
  const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
  if (base.length === 0 || base === char) return null;
  for (const part of base) if (!isWinAnsiDrawable(part)) return null;
  return base;
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}
