import type { IsoDate } from '../register/dates';
import type { Copy, DsaVersion, Holding } from '../register/records';
import { finalVersion, liveCopiesOf } from '../register/register-index';
import type { RuleContext } from './finding-rule';

export interface LiveHolding {
  holding: Holding;
  liveCopies: Copy[];
  /** The last agreed version of the holding's renewal chain: its end and rule decide destruction. */
  governing: DsaVersion;
  deadline: IsoDate | null;
}

/** Holdings that still have at least one live copy on the as-of date, with their destruction deadline. */
export function liveHoldings({ index, asOf, deadlineOf }: RuleContext): LiveHolding[] {
  const result: LiveHolding[] = [];
  for (const holding of index.holdings.values()) {
    const liveCopies = liveCopiesOf(index, holding.id, asOf);
    const governing = finalVersion(index, holding.versionId);
    if (liveCopies.length > 0 && governing) result.push({ holding, liveCopies, governing, deadline: deadlineOf(holding) });
  }
  return result;
}
