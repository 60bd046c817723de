import { readFileSync, writeFileSync } from 'node:fs';
import { discloseFile } from '../../electron/disclosure/disclose-file';
import { loadHighsSolver } from '../../electron/disclosure/highs-solver';
import type { DisclosureProfile } from '../../shared/disclosure/profile';

/**
 * The one place the attacker's tests call the product. Written against the API issue 10 asks for
 * (`totalLabels: string[]`, `priorReleases`); today's code takes one `totalLabel` and no prior
 * releases.
 *
 * ADAPTER (switch when the product lands issue 10): pass `totalLabels` and `priorReleases` straight
 * through and delete `todayOptions`.
 */
export interface PriorRelease {
  name: string;
  labelColumns: string[];
  countColumns: string[];
  rows: { labels: string[]; published: (number | null)[] }[];
  totalLabels: string[];
  national: { column: string; value: string } | null;
}

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
      tableOptions: todayOptions(tableOptions),
      output: { path: outputPath, format: 'csv' },
      reportPath: null,
      loadSolver: loadHighsSolver,
      toolVersion: 'test',
      // priorReleases: request.priorReleases,  // ADAPTER: uncomment when the product takes prior releases.
    });
  } catch (error) {
    // A table the product will not read (ambiguous structure, a bad count) is a refusal: nothing is published.
    if (error instanceof Error && error.name === 'DisclosureInputError') return { refusal: `input refused: ${error.message}`, published: null };
    throw error;
  }
  return { refusal: result.refusal, published: result.refusal === null ? readFileSync(outputPath, 'utf8') : null };
}

/** ADAPTER: today's TableOptions has a single `totalLabel`; the first label stands for all. */
function todayOptions(options: { totalLabels: string[]; national: ProductRequest['national']; percentages: boolean }) {
  return { totalLabel: options.totalLabels[0] ?? 'Total', national: options.national, percentages: options.percentages };
}
