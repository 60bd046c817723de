import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { linked, national, percentageProfileId, profileId, twoLabels, withPercentages } from '../helpers/attack-arbitraries';
import { attackRuns, playRound, printRoundStats } from '../helpers/attack-property';
import type { TrueTable } from '../helpers/attack-shapes';
import { useTempDir } from '../helpers/temp-dir';

/**
 * Issue 10, property-based: relations the labels alone do not announce (national rows, a second
 * total label, published percentages, a table released earlier from the same holding) give the
 * independent attacker no hidden count either.
 */
const temp = useTempDir('custodian-attack-');

async function noRecovery(tables: TrueTable[], id: string, options: { totalLabels?: string[]; percentages?: boolean } = {}): Promise<void> {
  const round = await playRound({ tables, profile: findBuiltinProfile(id)!, totalLabels: options.totalLabels ?? ['Total'], percentages: options.percentages, dir: temp.dir });
  const told = options.totalLabels ? ` told ${options.totalLabels.join(' and ')}` : '';
  expect(round.recoveries, `${id}${told}\n${tables.map((t) => t.csv).join('---\n')}\npublished:\n${round.published.join('\n---\n')}`).toEqual([]);
}

afterEach((context) => printRoundStats(context.task.name));

const runs = attackRuns(60);

describe('no hidden count is recoverable through relations the labels do not announce', () => {
  it('national rows that are the sum of the sub-national rows (1-D and 2-D)', async () => {
    await fc.assert(
      fc.asyncProperty(national, profileId, (table, id) => noRecovery([table], id)),
      runs,
    );
  }, 120_000);

  it('published percentages, attacked with whole numbers', async () => {
    await fc.assert(
      fc.asyncProperty(withPercentages, percentageProfileId, (table, id) => noRecovery([table], id, { percentages: true })),
      attackRuns(150),
    );
  }, 120_000);

  it('two total labels (Total and All), the product told both or only one', async () => {
    await fc.assert(
      fc.asyncProperty(twoLabels, profileId, ({ table, totalLabels }, id) => noRecovery([table], id, { totalLabels })),
      runs,
    );
  }, 120_000);

  it('linked releases: region × sex, then region × age band from the same records', async () => {
    await fc.assert(
      fc.asyncProperty(linked, profileId, (tables, id) => noRecovery(tables, id)),
      attackRuns(40),
    );
  }, 120_000);
});
