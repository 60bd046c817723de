/**
 * Text from a file or a library's error, made safe to print on one line of a terminal: control
 * characters (C0, DEL, C1: escape sequences, carriage returns that overwrite the line, bells) become
 * a space, and long text is cut. A hostile file must not be able to write to the user's terminal.
 */
export function oneLine(text: string, maxLength = 200): string {
  let out = '';
  let spaced = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    if (control) {
      if (!spaced) out += ' ';
      spaced = true;
    } else {
      out += char;
      spaced = false;
    }
    if (out.length >= maxLength) return `${out.slice(0, maxLength)}…`;
  }
  return out;
}
