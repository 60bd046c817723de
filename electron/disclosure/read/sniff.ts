import { DisclosureInputError } from '../../../shared/disclosure/input-error';

export type FileKind = 'xlsx' | 'parquet' | 'text';

/**
 * Decides what a file is from its first bytes, not its name: a renamed spreadsheet is still read
 * as one, and binary data gets a clear refusal instead of a page of garbled "labels".
 */
export function sniffFileKind(head: Uint8Array, totalBytes: number): FileKind {
  if (totalBytes === 0) throw new DisclosureInputError('the file is empty; choose the file that holds the table');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet'; // "PAR1"
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new DisclosureInputError('this is an old Excel .xls workbook, which is not supported; save it as .xlsx or CSV and try again');
  }
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'text'; // UTF-16 with a BOM
  const window = head.subarray(0, 8192);
  const nul = window.indexOf(0);
  if (nul >= 0) {
    throw new DisclosureInputError(
      `the file holds binary data (a zero byte at byte ${nul + 1}), not a text table; export the table as CSV, XLSX or Parquet`,
    );
  }
  let control = 0;
  for (const byte of window) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  if (window.length > 0 && control / window.length > 0.05) {
    throw new DisclosureInputError('the file holds binary data, not a text table; export the table as CSV, XLSX or Parquet');
  }
  return 'text';
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
