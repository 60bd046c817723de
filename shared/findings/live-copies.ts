import type { Copy, DsaVersion, Holding, Location } from '../register/records';
import { isLiveCopy, versionInForce } from '../register/register-index';
import type { RuleContext } from './finding-rule';

export interface LiveCopy {
  copy: Copy;
  holding: Holding;
  location: Location;
  /** The version the data is held under today: the holding's version, or a renewal of it that has started. */
  version: DsaVersion;
}

/** Every live copy with the records the location checks need, looked up once. */
export function liveCopies({ index, asOf }: RuleContext): LiveCopy[] {
  const heldUnder = new Map<string, DsaVersion | null>();
  const result: LiveCopy[] = [];
  for (const copy of index.copies.values()) {
    if (!isLiveCopy(copy, asOf)) continue;
    const holding = index.holdings.get(copy.holdingId);
    const location = index.locations.get(copy.locationId);
    if (!holding || !location) continue;
    if (!heldUnder.has(holding.versionId)) heldUnder.set(holding.versionId, versionInForce(index, holding.versionId, asOf));
    const version = heldUnder.get(holding.versionId);
    if (version) result.push({ copy, holding, location, version });
  }
  return result;
}

/** Live copies grouped by the (version, location) pair they put data at, in a stable order. */
export function groupByVersionAndLocation(copies: readonly LiveCopy[]): LiveCopy[][] {
  const groups = new Map<string, LiveCopy[]>();
  for (const live of copies) {
    const key = `${live.version.id}\u0000${live.location.id}`;
    const group = groups.get(key);
    if (group) group.push(live);
    else groups.set(key, [live]);
  }
  return [...groups.values()];
}
