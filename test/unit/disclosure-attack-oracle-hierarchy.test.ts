import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { grandTotalOnly, hierarchical, profileId } from '../helpers/attack-arbitraries';
import { attackRuns, playRound, printRoundStats } from '../helpers/attack-property';
import type { TrueTable } from '../helpers/attack-shapes';
import { useTempDir } from '../helpers/temp-dir';

/**
 * Issue 10, property-based: whatever the product publishes for a random hierarchical table
 * (regions of areas, long or wide by sex, with sub-totals or only a grand total), the independent
 * attacker recovers no hidden count.
 */
const temp = useTempDir('custodian-attack-');

async function noRecovery(table: TrueTable, id: string): Promise<void> {
  const round = await playRound({ tables: [table], profile: findBuiltinProfile(id)!, totalLabels: ['Total'], dir: temp.dir });
  expect(round.recoveries, `${id}\n${table.csv}\npublished:\n${round.published.join('\n---\n')}`).toEqual([]);
}

afterEach((context) => printRoundStats(context.task.name));

const runs = attackRuns(60);

describe('no hidden count is recoverable in a hierarchy (independent attacker)', () => {
  it('hierarchical tables with sub-totals and a grand total', async () => {
    await fc.assert(fc.asyncProperty(hierarchical, profileId, noRecovery), runs);
  }, 120_000);

  it('a grand total without sub-totals (Total,Total and Total,)', async () => {
    await fc.assert(fc.asyncProperty(grandTotalOnly, profileId, noRecovery), runs);
  }, 120_000);
});
