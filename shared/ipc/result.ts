/**
 * What every IPC call returns. Errors are values the UI can show, never thrown across the bridge,
 * so a failed call can always tell the user what went wrong and what to do next.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'REFUSED'
  | 'FORBIDDEN_SENDER'
  | 'UNKNOWN_METHOD'
  | 'DATABASE'
  | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** An error a service raises on purpose: its message is written for the user and is safe to show. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
