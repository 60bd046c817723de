import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DisclosureInputError } from '../../shared/disclosure/input-error';

/** Whether two paths name the same file: same resolved path, or (if both exist) the same inode. */
export function sameFile(a: string, b: string): boolean {
  const canonical = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  if (canonical(a) === canonical(b)) return true;
  if (existsSync(a) && existsSync(b)) {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  }
  return false;
}

/** The input is never overwritten, and the report never lands on the table. */
export function checkOutputPaths(input: string | null, output: string | null, report: string | null): void {
  if (input && output && sameFile(input, output)) {
    throw new DisclosureInputError('the output file is the input file; choose another name so the original is kept');
  }
  if (input && report && sameFile(input, report)) {
    throw new DisclosureInputError('the report file is the input file; choose another name so the original is kept');
  }
  if (output && report && sameFile(output, report)) {
    throw new DisclosureInputError('the report and the output are the same file; give them different names');
  }
}
