/**
 * A LIKE pattern (used with `ESCAPE '\'`) that finds the text anywhere, with LIKE's own wildcards
 * in the user's text taken literally: searching for "50%" finds "50%", not "50 anything".
 */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
