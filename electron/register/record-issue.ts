import type { ZodError } from 'zod';
import { UserFacingError, type ErrorCode } from '../../shared/ipc/result';
import { formatJsonPath } from '../../shared/validation/json-path';

/** One thing wrong with a record: where (a path into the record) and what, in words for the user. */
export interface RecordIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * A record the register refuses. The message is one line, `path: what is wrong`, e.g.
 * `locationId: location "3f2…" does not exist`, so the UI, the CLI and imports can show it as is;
 * an import prefixes the path with where the record sits in its file.
 */
export class RecordRejected extends UserFacingError {
  constructor(
    readonly issue: RecordIssue,
    code: ErrorCode = 'BAD_REQUEST',
  ) {
    super(code, issue.path.length ? `${formatJsonPath(issue.path)}: ${issue.message}` : issue.message);
    this.name = 'RecordRejected';
  }

  /** The same problem, located inside a larger document (an import file). */
  within(prefix: readonly PropertyKey[]): RecordRejected {
    return new RecordRejected({ path: [...prefix, ...this.issue.path], message: this.issue.message }, this.code);
  }
}

/** The first problem zod found, as a RecordIssue (zod's messages are written to follow a field name). */
export function firstZodIssue(error: ZodError): RecordIssue {
  const issue = error.issues[0];
  if (!issue) return { path: [], message: 'is not valid' };
  return { path: issue.path, message: issue.message };
}
