import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { sameFile } from '../files/same-file';

/** The input is never overwritten, and no two of the files written land on one another. */
export function checkOutputPaths(input: string | null, output: string | null, report: string | null, internalReport: string | null = null): void {
  const files: [string, string | null][] = [
    ['the output', output],
    ['the report', report],
    ['the internal report', internalReport],
  ];
  for (const [name, path] of files) {
    if (input && path && sameFile(input, path)) {
      throw new DisclosureInputError(`${name} file is the input file; choose another name so the original is kept`);
    }
  }
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      const [a, pathA] = files[i]!;
      const [b, pathB] = files[j]!;
      if (pathA && pathB && sameFile(pathA, pathB)) throw new DisclosureInputError(`${a} and ${b} are the same file; give them different names`);
    }
  }
}
