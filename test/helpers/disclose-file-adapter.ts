import { readFileSync, writeFileSync } from 'node:fs';
import { discloseFile } from '../../electron/disclosure/disclose-file';
import { loadHighsSolver } from '../../electron/disclosure/highs-solver';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import type { ReleasedTable } from '../../shared/disclosure/released-table';

/**
 * The one place the attacker's tests call the product. Earlier releases from the same holding are
 * the product's own records of them (what `discloseFile` returned as `release`), passed back as the
 * register would: the attacker never reads them, it attacks the published CSVs.
 */
export type PriorRelease = ReleasedTable;

export interface ProductRequest {
  csv: string;
  profile: DisclosureProfile;
  totalLabels: string[];
  national: { column: string; value: string } | null;
  percentages?: boolean;
  priorReleases?: PriorRelease[];
  /** A file path in a temporary folder, without extension. */
  scratch: string;
}

export interface ProductResult {
  refusal: string | null;
  /** The published CSV text, when the product published. */
  published: string | null;
  /** What the product keeps of this release for the holding's next table. */
  release: PriorRelease | null;
}

export async function runProduct(request: ProductRequest): Promise<ProductResult> {
  const inputPath = `${request.scratch}.in.csv`;
  const outputPath = `${request.scratch}.out.csv`;
  writeFileSync(inputPath, request.csv, 'utf8');
  const tableOptions = {
    totalLabels: request.totalLabels,
    national: request.national,
    percentages: request.percentages ?? false,
  };
  let result;
  try {
    result = await discloseFile({
      input: { kind: 'path', path: inputPath },
      profile: request.profile,
      tableOptions,
      output: { path: outputPath, format: 'csv' },
      reportPath: null,
      loadSolver: loadHighsSolver,
      toolVersion: 'test',
      // Linked tables are audited as a holding's releases are: the earlier ones given, even when none.
      earlierReleases: request.priorReleases ?? null,
    });
  } catch (error) {
    // A table the product will not read (ambiguous structure, a bad count) is a refusal: nothing is published.
    if (error instanceof Error && error.name === 'DisclosureInputError') return { refusal: `input refused: ${error.message}`, published: null, release: null };
    throw error;
  }
  return { refusal: result.refusal, published: result.refusal === null ? readFileSync(outputPath, 'utf8') : null, release: result.release };
}
