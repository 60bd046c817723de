/**
 * Why a register could not be opened. Each reason carries a message written for the user; the CLI
 * prints it on one line and exits 2, the app shows it in a dialog. The file is never modified.
 */
export type DatabaseErrorReason =
  | 'NOT_FOUND'
  | 'NOT_A_DATABASE'
  | 'NOT_CUSTODIAN'
  | 'NEWER_VERSION'
  | 'CORRUPT'
  | 'UNREADABLE';

export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: DatabaseErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
