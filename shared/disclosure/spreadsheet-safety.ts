import { formulaLeadCharacters } from './profile';

/**
 * Text that Excel or LibreOffice would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return at
 * the start) is prefixed with a single quote, so it shows as the text it is (OWASP ASVS 1.2.10,
 * "CSV injection"). Numbers are never passed through here: they stay numbers.
 */
export function neutraliseText(text: string): string {
  return formulaLeadCharacters.some((c) => text.startsWith(c)) ? `'${text}` : text;
}
