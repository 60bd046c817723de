import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads a file's SQLite header without opening it as a database, so that a file that is not ours
 * (or is from a newer Custodian) can be refused before SQLite writes anything to it.
 * Layout from https://www.sqlite.org/fileformat.html §1.3.
 */
export interface SqliteHeader {
  isSqlite: boolean;
  userVersion: number;
  applicationId: number;
  sizeBytes: number;
}

const MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;

export function readSqliteHeader(path: string): SqliteHeader {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    if (read === 0) return { isSqlite: false, userVersion: 0, applicationId: 0, sizeBytes: 0 };
    const isSqlite = read === HEADER_BYTES && buffer.toString('latin1', 0, 16) === MAGIC;
    return {
      isSqlite,
      userVersion: isSqlite ? buffer.readInt32BE(60) : 0,
      applicationId: isSqlite ? buffer.readInt32BE(68) : 0,
      sizeBytes: read,
    };
  } finally {
    closeSync(fd);
  }
}
