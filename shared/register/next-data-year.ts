import type { IsoDate } from './dates';
import type { Holding } from './records';
import { finalVersion, type RegisterIndex } from './register-index';

/** The first year of a data year: "2024/25" → 2024, "2024" → 2024. */
const dataYearStart = (dataYear: string | null): number | null => (dataYear === null ? null : Number(dataYear.slice(0, 4)));

/** The yearly extracts of one dataset of one DSA, whatever version each came under: receipt dates by first year. */
type Series = Map<number, IsoDate>;

/**
 * For the rolling destruction rule: when the next data year of a holding's dataset arrived, that is
 * the first date any later year of the same dataset (same DSA as the holding's version, same
 * dataset name, in any version of the DSA) was received; null while none has.
 *
 * Built on first use over the whole register, and only for agreements whose renewal chains end in a
 * rolling rule (no other extract asks): each holding is placed in its series (DSA, then normalised
 * dataset name, nested maps so no key string is built per holding), and the answer for every year of
 * a series comes from one suffix minimum over its years, so a long run of yearly extracts costs
 * n log n, not n².
 */
export function createNextDataYearArrival(index: RegisterIndex): (holding: Holding) => IsoDate | null {
  const names = new Map<string, string | null>();
  const nameOf = (datasetId: string): string | null => {
    let name = names.get(datasetId);
    if (name === undefined) names.set(datasetId, (name = index.datasets.get(datasetId)?.name.trim().toLowerCase() ?? null));
    return name;
  };
  let laterArrivals: Map<string, Map<string, Series>> | undefined;
  return (holding) => {
    const year = dataYearStart(holding.dataYear);
    const dsaId = index.versions.get(holding.versionId)?.dsaId;
    const name = nameOf(holding.datasetId);
    if (year === null || dsaId === undefined || name === null) return null;
    laterArrivals ??= laterYearArrivals(index, nameOf);
    return laterArrivals.get(dsaId)?.get(name)?.get(year) ?? null;
  };
}

/** Per DSA and dataset name, for each year, the first receipt of any later year. */
function laterYearArrivals(index: RegisterIndex, nameOf: (datasetId: string) => string | null): Map<string, Map<string, Series>> {
  const rollingDsaIds = new Set<string>();
  for (const version of index.versions.values()) if (finalVersion(index, version.id)?.destructionRule.kind === 'rolling') rollingDsaIds.add(version.dsaId);
  // First, the earliest receipt of each year of each series.
  const seriesByDsa = new Map<string, Map<string, Series>>();
  for (const holding of index.holdings.values()) {
    const dsaId = index.versions.get(holding.versionId)?.dsaId;
    if (dsaId === undefined || !rollingDsaIds.has(dsaId)) continue;
    const year = dataYearStart(holding.dataYear);
    const name = nameOf(holding.datasetId);
    if (year === null || name === null) continue;
    let byName = seriesByDsa.get(dsaId);
    if (!byName) seriesByDsa.set(dsaId, (byName = new Map()));
    let series = byName.get(name);
    if (!series) byName.set(name, (series = new Map()));
    const known = series.get(year);
    if (known === undefined || holding.receivedDate < known) series.set(year, holding.receivedDate);
  }
  // Then, in place, for each year the earliest receipt among the years after it.
  for (const byName of seriesByDsa.values())
    for (const series of byName.values()) {
      let earliestLater: IsoDate | null = null;
      for (const year of [...series.keys()].sort((a, b) => b - a)) {
        const received = series.get(year)!;
        if (earliestLater === null) series.delete(year);
        else series.set(year, earliestLater);
        if (earliestLater === null || received < earliestLater) earliestLater = received;
      }
    }
  return seriesByDsa;
}
