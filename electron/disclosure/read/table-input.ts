import type { CountTable } from '../../../shared/disclosure/table';

/**
 * Where a table comes from: a file the user chose (CLI argument, open dialog), the bytes of a file
 * dropped on the window (the renderer can read it but has no path for it), or a table Custodian
 * built itself by tabulating record-level data (with that file's hash).
 */
export type TableInput =
  | { kind: 'path'; path: string }
  | { kind: 'bytes'; name: string; bytes: Uint8Array }
  | { kind: 'table'; name: string; table: CountTable; sha256: string };

export const inputName = (input: TableInput): string => (input.kind === 'path' ? input.path : input.name);
