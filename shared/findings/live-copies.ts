import type { Copy, DsaVersion, Holding, Location } from '../register/records';
import { compareStrings } from '../register/compare';
import { isLiveCopy, versionInForce } from '../register/register-index';
import type { RuleContext } from './finding-rule';

export interface LiveCopy {
  copy: Copy;
  holding: Holding;
  location: Location;
  /** The version the data is held under today: the holding's version, or a renewal of it that has started. */
  version: DsaVersion;
}

const computed = new WeakMap<RuleContext, LiveCopy[]>();

/** Every live copy with the records the location checks need, looked up once per computation. */
export function liveCopies(context: RuleContext): LiveCopy[] {
  let result = computed.get(context);
  if (!result) computed.set(context, (result = findLiveCopies(context)));
  return result;
}

function findLiveCopies({ index, asOf }: RuleContext): LiveCopy[] {
  const heldUnder = new Map<string, DsaVersion | null>();
  const result: LiveCopy[] = [];
  for (const [holdingId, copies] of index.copiesByHolding) {
    const holding = index.holdings.get(holdingId)!;
    let version = heldUnder.get(holding.versionId);
    if (version === undefined) heldUnder.set(holding.versionId, (version = versionInForce(index, holding.versionId, asOf)));
    if (!version) continue;
    for (const copy of copies) {
      if (!isLiveCopy(copy, asOf)) continue;
      result.push({ copy, holding, location: index.locations.get(copy.locationId)!, version });
    }
  }
  return result;
}

/** Live copies grouped by the (version, location) pair they put data at, each group in copy id order (so callers should pass only the few they report). */
export function groupByVersionAndLocation(copies: readonly LiveCopy[]): LiveCopy[][] {
  // Nested maps rather than a joined string key: no string is built per copy.
  const byVersion = new Map<string, Map<string, LiveCopy[]>>();
  for (const live of copies) {
    let byLocation = byVersion.get(live.version.id);
    if (!byLocation) byVersion.set(live.version.id, (byLocation = new Map()));
    const group = byLocation.get(live.location.id);
    if (group) group.push(live);
    else byLocation.set(live.location.id, [live]);
  }
  return [...byVersion.values()].flatMap((byLocation) => [...byLocation.values()]).map((group) => group.sort(byCopyId));
}

export const byCopyId = (a: LiveCopy, b: LiveCopy): number => compareStrings(a.copy.id, b.copy.id);
