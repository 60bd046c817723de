import type { ZodError } from 'zod';

/** One line naming each field that failed and why, e.g. `displayName: must be at most 120 characters`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
