import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeText, foldLine, toICalendar } from '../../shared/exports/icalendar';
import { formulaLeadCharacters, safeCell } from '../../shared/exports/spreadsheet-safety';
import { parse } from 'csv-parse/sync';
import { csvLine } from '../../electron/exports/table-file';

describe('safeCell: spreadsheet values that cannot run as formulas', () => {
  it('prefixes a quote to text that starts like a formula, whatever follows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...formulaLeadCharacters), fc.string(), (lead, rest) => {
        expect(safeCell(lead + rest)).toBe(`'${lead}${rest}`);
      }),
    );
  });

  it('leaves other text as it is, and numbers as numbers', () => {
    fc.assert(
      fc.property(fc.string().filter((t) => !formulaLeadCharacters.some((c) => t.startsWith(c))), (text) => {
        expect(safeCell(text)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(safeCell(n)).toBe(n);
      }),
    );
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell('-5')).toBe("'-5");
    expect(safeCell(true)).toBe('Yes');
    expect(safeCell(null)).toBeNull();
  });
});

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b; c, d\r\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds any line into lines of at most 75 octets that unfold to the original, never splitting a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => s.replace(/[\r\n]/g, '')), (text) => {
        const folded = foldLine(`SUMMARY:${text}`);
        for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${text}`);
      }),
    );
  });

  it('writes all-day events ending the next day, with a UID from the deadline id', () => {
    const text = toICalendar([{ id: 'version-end:abc', date: '2026-12-31', summary: 'Ends' }], { name: 'Deadlines', generatedAt: new Date('2026-06-01T10:00:00Z') });
    expect(text).toContain('\r\nUID:version-end:abc@custodian.local\r\n');
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260601T100000Z\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

describe('csvLine', () => {
  it('writes a record any CSV reader reads back as the safe values, commas, quotes and line breaks included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.constant(null)), { minLength: 2, maxLength: 8 }), (values) => {
        const [record] = parse(csvLine(values), { relax_column_count: true }) as string[][];
        expect(record).toEqual(values.map((v) => (v === null ? '' : String(safeCell(v)))));
      }),
    );
  });
});
