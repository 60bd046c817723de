import { isRealDate, type IsoDate } from '../../../shared/register/dates';
import { DurImportError, type DurPlace } from './dur-import-error';
import { headerKey, type RawCell } from './raw-sheet';

/**
 * Reading the Data Uses Register's cells into the register's values. Each reader takes the cell and
 * where it is, and throws a DurImportError naming the place and the accepted forms when the value
 * cannot be read, never guessing.
 */

/** Text with surrounding spaces trimmed; null when blank. Numbers keep their digits. */
export function textOf(cell: RawCell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return isoOf(cell);
  const text = String(cell).trim();
  return text === '' ? null : text;
}

export function requiredText(cell: RawCell, place: DurPlace): string {
  const text = textOf(cell);
  if (text === null) throw new DurImportError(place, 'is empty; every row needs it');
  return text;
}

const isoOf = (date: Date): IsoDate => date.toISOString().slice(0, 10);

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** 1–12 for a month's name or its abbreviation of three letters or more ("Apr", "Sept", "April"). */
function monthNumber(name: string): number | null {
  const key = name.toLowerCase();
  if (key.length < 3) return null;
  const index = monthNames.findIndex((full) => full.startsWith(key));
  return index < 0 ? null : index + 1;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

/** Excel stores dates as days since 30 December 1899; a date column saved without a date format shows them. */
function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isInteger(serial) || serial < 10_000 || serial > 2_958_465) return null;
  return isoOf(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

/**
 * A calendar date from a date cell, an Excel date number, or text written YYYY-MM-DD, DD/MM/YYYY
 * (also with - or .), or "1 April 2024" / "01-Apr-2024". Day first: the register is a UK one.
 */
export function parseDurDate(cell: RawCell): IsoDate | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoOf(cell);
  if (typeof cell === 'number') return fromExcelSerial(cell);
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  let candidate: string | null = null;
  if (match) candidate = ymd(Number(match[1]), Number(match[2]), Number(match[3]));
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text))) candidate = ymd(Number(match[3]), Number(match[2]), Number(match[1]));
  else if ((match = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(text))) {
    const month = monthNumber(match[2]!);
    if (month) candidate = ymd(Number(match[3]), month, Number(match[1]));
  } else if (/^\d+$/.test(text)) return fromExcelSerial(Number(text));
  return candidate && isRealDate(candidate) ? candidate : null;
}

export function requiredDate(cell: RawCell, place: DurPlace): IsoDate {
  if (textOf(cell) === null) throw new DurImportError(place, 'is empty; every row needs a date here');
  const date = parseDurDate(cell);
  if (!date) throw new DurImportError(place, `${quote(cell)} is not a date; write it as DD/MM/YYYY or YYYY-MM-DD`);
  return date;
}

/**
 * The first day of the month a file was released: the register gives only the month. Accepts a
 * date (any form above), YYYY-MM, MM/YYYY, or a month name and year ("April 2024", "Apr-24" as
 * Excel shows a date formatted mmm-yy).
 */
export function parseDurMonth(cell: RawCell): IsoDate | null {
  const asDate = parseDurDate(cell);
  if (asDate) return `${asDate.slice(0, 7)}-01`;
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  let match = /^(\d{4})-(\d{1,2})$/.exec(text) ?? null;
  let year: number | null = null;
  let month: number | null = null;
  if (match) [year, month] = [Number(match[1]), Number(match[2])];
  else if ((match = /^(\d{1,2})[/.-](\d{4})$/.exec(text))) [year, month] = [Number(match[2]), Number(match[1])];
  else if ((match = /^([A-Za-z]+)[ -](\d{4}|\d{2})$/.exec(text))) {
    month = monthNumber(match[1]!);
    year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  }
  if (year === null || month === null || month < 1 || month > 12) return null;
  return ymd(year, month, 1);
}

export function requiredMonth(cell: RawCell, place: DurPlace): IsoDate {
  if (textOf(cell) === null) throw new DurImportError(place, 'is empty; every release needs the month it was released');
  const month = parseDurMonth(cell);
  if (!month) throw new DurImportError(place, `${quote(cell)} is not a month; write it as MM/YYYY, YYYY-MM or "April 2024"`);
  return month;
}

/** Yes or No (also Y/N, True/False); null when blank. */
export function yesNo(cell: RawCell, place: DurPlace): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const text = textOf(cell);
  if (text === null) return null;
  const key = text.toLowerCase();
  if (['yes', 'y', 'true'].includes(key)) return true;
  if (['no', 'n', 'false'].includes(key)) return false;
  throw new DurImportError(place, `${quote(cell)} is not Yes or No`);
}

/** One of the register's values, matched ignoring case, spaces and punctuation; null when blank. */
export function oneOf<T extends string>(cell: RawCell, place: DurPlace, values: readonly T[]): T | null {
  const text = textOf(cell);
  if (text === null) return null;
  const found = values.find((v) => headerKey(v) === headerKey(text));
  if (!found) throw new DurImportError(place, `${quote(cell)} is not one of ${values.map((v) => `"${v}"`).join(', ')}`);
  return found;
}

/**
 * Whether patient opt-outs were applied. The register writes Yes, No or Mixed, sometimes followed
 * by a reason ("No - data flow is not identifiable"): the first word decides.
 */
export function optOuts(cell: RawCell, place: DurPlace): 'Yes' | 'No' | 'Mixed' | null {
  const text = textOf(cell);
  if (text === null) return null;
  const first = (/^[A-Za-z]+/.exec(text)?.[0] ?? '').toLowerCase();
  if (first === 'yes' || first === 'y') return 'Yes';
  if (first === 'no' || first === 'n') return 'No';
  if (first === 'mixed') return 'Mixed';
  throw new DurImportError(place, `${quote(cell)} is not Yes, No or Mixed`);
}

/** Sole or joint controllers, from "Sole", "Joint", "Sole Data Controller"…; null when blank. */
export function soleOrJoint(cell: RawCell, place: DurPlace): 'sole' | 'joint' | null {
  const key = headerKey(textOf(cell) ?? '');
  if (key === '') return null;
  if (key.startsWith('sole')) return 'sole';
  if (key.startsWith('joint')) return 'joint';
  throw new DurImportError(place, `${quote(cell)} is not Sole or Joint`);
}

/**
 * The organisations in a "Data Controller(s)" cell: one per line, or separated by semicolons.
 * Commas do not separate, because legal names contain them ("Smith, Jones and Partners LLP").
 */
export function organisationNames(cell: RawCell): string[] {
  const text = textOf(cell);
  if (text === null) return [];
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/\r?\n|;|\|/)) {
    const name = part.replace(/\s+/g, ' ').trim();
    const key = name.toLowerCase();
    if (name && !seen.has(key)) {
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}

function quote(cell: RawCell): string {
  const text = cell instanceof Date ? cell.toISOString() : String(cell);
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}
