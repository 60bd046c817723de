import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { sameFile } from '../files/same-file';

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
