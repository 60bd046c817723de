import type { DisclosureProfile } from '../../shared/disclosure/profile';
import type { TrueTable } from './attack-shapes';
import { runProduct, type PriorRelease } from './disclose-file-adapter';
import { attack, type ReleaseView } from './independent-attacker/attack';
import { cellId } from './independent-attacker/cell-ref';
import { isPrimaryCount } from './independent-attacker/public-rules';

/**
 * One round of the game: the product protects a table (or a second table from the same holding),
 * and the independent attacker attacks whatever was published. A recovery is a cell whose true
 * count is one the profile hides and that the attacker narrows below the protection width.
 */
export interface Round {
  refusal: string | null;
  /** "cell: true n, possible low..high (k values, width w)" for each recovery. */
  recoveries: string[];
  published: string[];
}

let scratchCount = 0;

/** How the rounds went, for a summary under each property (printed when ATTACK_STATS is set). */
export const roundStats = { published: 0, refused: 0, recovered: 0, productMs: 0, attackMs: 0 };

export function printRoundStats(title: string): void {
  if (process.env.ATTACK_STATS) console.log(`${title}: ${JSON.stringify(roundStats)}`);
  Object.assign(roundStats, { published: 0, refused: 0, recovered: 0, productMs: 0, attackMs: 0 });
}

export async function playRound(options: {
  tables: TrueTable[];
  profile: DisclosureProfile;
  totalLabels: string[];
  percentages?: boolean;
  dir: string;
}): Promise<Round> {
  const { tables, profile } = options;
  const published: string[] = [];
  const prior: PriorRelease[] = [];
  const started = performance.now();
  for (const table of tables) {
    const result = await runProduct({
      csv: table.csv,
      profile,
      totalLabels: options.totalLabels,
      national: table.national,
      percentages: options.percentages,
      priorReleases: tables.length > 1 ? [...prior] : undefined,
      scratch: `${options.dir}/t${scratchCount++}`,
    });
    if (result.refusal !== null) {
      roundStats.refused++;
      roundStats.productMs += performance.now() - started;
      return { refusal: result.refusal, recoveries: [], published };
    }
    published.push(result.published!);
    if (result.release) prior.push(result.release);
  }
  const attackStarted = performance.now();
  roundStats.productMs += attackStarted - started;
  const truth = new Map<string, number>();
  tables.forEach((t) => t.truth.forEach((n, id) => truth.set(id, n)));
  const releases: ReleaseView[] = tables.map((table, i) => ({
    name: table.release,
    csv: published[i]!,
    labelColumns: table.labelColumns,
    rules: profile,
    national: table.national,
    percentagesOf: options.percentages ? table.percentagesOf : null,
  }));
  const result = await attack(
    { releases, relations: tables.flatMap((t) => t.relations) },
    { only: (ref) => isPrimaryCount(profile, truth.get(cellId(ref)) ?? -1) },
  );
  const broken = result.violations(truth);
  if (broken.length > 0) {
    throw new Error(`the published table breaks the profile's public rules as the attacker reads them:\n${broken.slice(0, 8).join('\n')}\n${published.join('\n---\n')}`);
  }
  const leaks = result.verdicts.filter((v) => v.possibleValues < v.protectionWidth);
  // With several releases, say which leaks each release alone already had and which only their union has.
  const alone = new Map<string, number>();
  if (tables.length > 1 && leaks.length > 0) {
    for (const [i, table] of tables.entries()) {
      const single = await attack({ releases: [releases[i]!], relations: table.relations.filter((r) => r.members.every((m) => m.release === table.release)) }, {
        only: (ref) => leaks.some((v) => cellId(v.ref) === cellId(ref)),
      });
      single.verdicts.forEach((v) => alone.set(cellId(v.ref), v.possibleValues));
    }
  }
  const recoveries = leaks.map((v) => {
    const id = cellId(v.ref);
    const note = alone.has(id) ? `; ${alone.get(id)} values from its own release alone` : '';
    return `${id}: true ${truth.get(id)}, possible ${v.low}..${v.high} (${v.possibleValues} values, width ${v.protectionWidth}${note})`;
  });
  roundStats.published++;
  if (recoveries.length > 0) roundStats.recovered++;
  roundStats.attackMs += performance.now() - attackStarted;
  return { refusal: null, recoveries, published };
}


/**
 * How many random tables a property plays: the suite's modest default, scaled by ATTACK_SCALE for a
 * soak run (`ATTACK_SCALE=20 npx vitest run test/unit/disclosure-attack-oracle-relations.test.ts`).
 */
export function attackRuns(numRuns: number): { numRuns: number; endOnFailure: false } {
  const scale = Number(process.env.ATTACK_SCALE ?? '1');
  return { numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1))), endOnFailure: false };
}
