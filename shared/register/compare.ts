import type { IsoDate } from './dates';

/**
 * Orderings shared by every list the rules produce. Plain code-unit comparison rather than
 * localeCompare: the same input must sort the same way in main, the renderer and the CLI, whatever
 * locale data each carries.
 */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Earlier dates first; a missing date sorts after every real one. */
export function compareNullableDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareStrings(a, b);
}
