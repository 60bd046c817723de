/**
 * Values for a cell of an exported spreadsheet (XLSX or CSV) that Excel will show as they are.
 * Text starting with a character a spreadsheet reads as the start of a formula (= + - @, tab,
 * carriage return) gets a leading single quote, so "=HYPERLINK(...)" in a location's name shows as
 * text instead of running (OWASP ASVS 1.2.10, "CSV injection"). Numbers stay numbers, so they sum
 * and sort; flags read Yes or No.
 */
export const formulaLeadCharacters = ['=', '+', '-', '@', '\t', '\r'] as const;

export type ExportValue = string | number | boolean | null | undefined;
export type SafeCell = string | number | null;

export function neutraliseFormula(text: string): string {
  return formulaLeadCharacters.some((c) => text.startsWith(c)) ? `'${text}` : text;
}

export function safeCell(value: ExportValue): SafeCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return neutraliseFormula(value);
}
