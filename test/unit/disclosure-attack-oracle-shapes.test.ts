import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { profileId, threeWay, twoWay } from '../helpers/attack-arbitraries';
import { attackRuns, playRound, printRoundStats } from '../helpers/attack-property';
import type { TrueTable } from '../helpers/attack-shapes';
import { useTempDir } from '../helpers/temp-dir';

/**
 * Issue 10, property-based: whatever the product publishes for a random cross-classified table
 * (2-D, 3-D), the independent attacker (its own parser, its own integer programs) recovers no
 * hidden count. Hierarchies are in disclosure-attack-oracle-hierarchy.test.ts.
 */
const temp = useTempDir('custodian-attack-');

async function noRecovery(table: TrueTable, id: string): Promise<void> {
  const round = await playRound({ tables: [table], profile: findBuiltinProfile(id)!, totalLabels: ['Total'], dir: temp.dir });
  expect(round.recoveries, `${id}\n${table.csv}\npublished:\n${round.published.join('\n---\n')}`).toEqual([]);
}

afterEach((context) => printRoundStats(context.task.name));

const runs = attackRuns(60);

describe('no hidden count is recoverable (independent attacker)', () => {
  it('2-D tables with row and column totals, long and wide', async () => {
    await fc.assert(fc.asyncProperty(twoWay, profileId, noRecovery), runs);
  }, 120_000);

  it('3-D long tables with every margin', async () => {
    await fc.assert(fc.asyncProperty(threeWay, profileId, noRecovery), attackRuns(40));
  }, 120_000);
});
