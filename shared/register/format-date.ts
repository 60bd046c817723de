import type { IsoDate } from './dates';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as people in UK organisations write it ("31 March 2026"): unambiguous, unlike 03/04/2026,
 * and the same in main, the renderer and the CLI because it does not depend on locale data.
 */
export function formatDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "1 day", "3 days". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
