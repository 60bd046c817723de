import { inflateRawSync } from 'node:zlib';

/** One file inside a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  compressedSize: number;
  /** The size it claims to unpack to. A hostile archive may lie, so reading checks it again. */
  declaredSize: number;
  localHeaderOffset: number;
}

/** Why an archive was refused, in words for the one-line message (the caller adds the file's name). */
export class ZipRefused extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'ZipRefused';
  }
}

const damaged = 'the workbook is damaged (its ZIP structure is broken); open it in Excel and save it again as .xlsx';

/**
 * Lists the entries of a ZIP archive from its central directory, without unpacking anything, so a
 * reader can refuse an archive by what it declares before spending memory on it. ZIP64 archives
 * (over 4 GB or 65,535 entries) are refused: no workbook Custodian reads needs one.
 */
export function zipEntries(bytes: Buffer, maxEntries: number): ZipEntry[] {
  const end = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipRefused('the workbook is a ZIP64 archive (over 4 GB or 65,535 parts), larger than Custodian reads; save the table as CSV');
  }
  if (count > maxEntries) throw new ZipRefused(`the workbook holds ${count.toLocaleString('en-GB')} parts, more than the ${maxEntries.toLocaleString('en-GB')} Custodian reads; it is not an ordinary spreadsheet`);
  if (directoryOffset + directorySize > end) throw new ZipRefused(damaged);

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) throw new ZipRefused(damaged);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new ZipRefused('the workbook is a ZIP64 archive (over 4 GB or 65,535 parts), larger than Custodian reads; save the table as CSV');
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Unpacks one entry, stopping as soon as it exceeds what it declared or `maxBytes`, whichever is
 * less (zlib's maxOutputLength), so a zip bomb costs at most that much memory however far it would
 * inflate, and one that lies about its size costs no more than the lie. The declared sizes are what
 * the caller's budget was checked against, so any other size is refused.
 */
export function unpackEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number, tooBig: () => string): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new ZipRefused(damaged);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const packed = bytes.subarray(start, start + entry.compressedSize);
  if (packed.length !== entry.compressedSize) throw new ZipRefused(damaged);
  if (entry.declaredSize > maxBytes) throw new ZipRefused(tooBig());
  const lied = () => `the workbook's part ${entry.name} unpacks to more than the ${entry.declaredSize.toLocaleString('en-GB')} bytes it declares (a zip bomb or a damaged file); save it again from Excel as .xlsx`;
  let unpacked: Buffer;
  if (entry.method === 0) {
    unpacked = packed;
  } else if (entry.method === 8) {
    try {
      unpacked = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.declaredSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw new ZipRefused(lied());
      throw new ZipRefused(damaged);
    }
  } else {
    throw new ZipRefused(`the workbook's part ${entry.name} uses a compression method (${entry.method}) spreadsheets do not use; save it again from Excel as .xlsx`);
  }
  if (unpacked.length > entry.declaredSize) throw new ZipRefused(lied());
  if (unpacked.length !== entry.declaredSize) throw new ZipRefused(damaged);
  return unpacked;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new ZipRefused(damaged);
}
