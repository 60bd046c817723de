/**
 * A path into a JSON value written the way people read it: `register.copies[12].locationId`.
 * Used in every message that names where a problem is, so all imports say it the same way.
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}
