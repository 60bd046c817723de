import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWinAnsiDrawable, toWinAnsi } from '../../electron/reports/pdf/win-ansi';
import { wrapText } from '../../electron/reports/pdf/wrap-text';

describe('toWinAnsi: text the built-in PDF fonts can draw', () => {
  it('keeps ASCII, Latin-1 letters and the typographic characters WinAnsi has', () => {
    const text = 'Zoë Brontë paid £12.50 – “quoted” — ‘single’ … € • ™ ½ ×';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('spells out common symbols it cannot draw', () => {
    expect(toWinAnsi('count ≤ 7 → suppress; ≥ 10 ✓; −3')).toBe('count <= 7 -> suppress; >= 10 Yes; -3');
  });

  it('strips accents WinAnsi lacks rather than dropping the letter', () => {
    expect(toWinAnsi('Łódź Dvořák Erdős ﬁle')).toBe('Lódz Dvorák Erdos file');
  });

  it('shows one "?" for each character it cannot draw at all, emoji included', () => {
    expect(toWinAnsi('ward 😀 中文')).toBe('ward ? ??');
  });

  it('keeps line breaks, turns tabs and other control characters into spaces, drops zero-width marks', () => {
    expect(toWinAnsi('a\r\nb\tc\u0007d\u200be')).toBe('a\nb c de');
  });

  it('returns only drawable characters, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        for (const char of toWinAnsi(text)) expect(isWinAnsiDrawable(char)).toBe(true);
      }),
    );
  });

  it('leaves text that is already safe unchanged (so applying it twice changes nothing)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const once = toWinAnsi(text);
        expect(toWinAnsi(once)).toBe(once);
      }),
    );
  });
});

describe('wrapText', () => {
  // A font where every character is 5 points wide, except "W" at 9, so widths vary.
  const measure = (s: string): number => [...s].reduce((w, c) => w + (c === 'W' ? 9 : 5), 0);

  it('breaks at spaces, keeping words whole when they fit', () => {
    expect(wrapText('the quick brown fox jumps', 50, measure)).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('breaks a long reference after a hyphen rather than mid-part', () => {
    expect(wrapText('DARS-NIC-00574-V2H1F-v4.2', 80, measure)).toEqual(['DARS-NIC-00574-', 'V2H1F-v4.2']);
  });

  it('keeps explicit line breaks and blank lines', () => {
    expect(wrapText('one\n\ntwo', 100, measure)).toEqual(['one', '', 'two']);
  });

  it('never makes a line wider than the width and never loses or reorders a character', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9W/_.-]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 9, max: 200 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapText(text, width, measure);
        for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
    );
  });
});
