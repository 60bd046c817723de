import type { IsoDate } from './dates';
import type { Holding } from './records';
import { finalVersion, type RegisterIndex } from './register-index';

/** The first year of a data year: "2024/25" → 2024, "2024" → 2024. */
const dataYearStart = (dataYear: string | null): number | null => (dataYear === null ? null : Number(dataYear.slice(0, 4)));

/** The yearly extracts of one dataset of one DSA, whatever version each came under: receipt dates by first year. */
type Series = Map<number, IsoDate>;

/**
 * For the rolling destruction rule: when the next data year of a holding's dataset arrived, that is
 * the first date any later year of the same dataset (same DSA, dataset name, in any version of
 * the DSA) was received; null while none has.
 *
 * Built on first use over the whole register: each dataset is mapped once to its series (DSA and
 * normalised name), then each holding costs two lookups, one by dataset id and one by year; the
 * answer for every year of a series comes from one suffix minimum over its years, so a long run of
 * yearly extracts costs n log n, not n². A holding's dataset belongs to the holding's version (the
 * register refuses anything else), so the dataset alone names the series.
 */
export function createNextDataYearArrival(index: RegisterIndex): (holding: Holding) => IsoDate | null {
  let laterArrivals: Map<string, Series> | undefined;
  return (holding) => {
    const year = dataYearStart(holding.dataYear);
    if (year === null) return null;
    laterArrivals ??= laterYearArrivals(index);
    return laterArrivals.get(holding.datasetId)?.get(year) ?? null;
  };
}

/** For each dataset id, its series' "first receipt of any later year", by year. */
function laterYearArrivals(index: RegisterIndex): Map<string, Series> {
  // Only extracts governed by a rolling rule ask (through the last version of their renewal chain):
  // the other agreements' extracts are not indexed.
  const rollingDsaIds = new Set<string>();
  for (const version of index.versions.values()) if (finalVersion(index, version.id)?.destructionRule.kind === 'rolling') rollingDsaIds.add(version.dsaId);
  const seriesByKey = new Map<string, Series>();
  const seriesOfDataset = new Map<string, Series>();
  for (const dataset of index.datasets.values()) {
    const dsaId = index.versions.get(dataset.versionId)?.dsaId;
    if (dsaId === undefined || !rollingDsaIds.has(dsaId)) continue;
    const key = `${dsaId}\u0000${dataset.name.trim().toLowerCase()}`;
    let series = seriesByKey.get(key);
    if (!series) seriesByKey.set(key, (series = new Map()));
    seriesOfDataset.set(dataset.id, series);
  }
  // First, the earliest receipt of each year of each series.
  for (const holding of index.holdings.values()) {
    const series = seriesOfDataset.get(holding.datasetId);
    if (!series) continue;
    const year = dataYearStart(holding.dataYear);
    if (year === null) continue;
    const known = series.get(year);
    if (known === undefined || holding.receivedDate < known) series.set(year, holding.receivedDate);
  }
  // Then, in place, for each year the earliest receipt among the years after it.
  for (const series of seriesByKey.values()) {
    let earliestLater: IsoDate | null = null;
    for (const year of [...series.keys()].sort((a, b) => b - a)) {
      const received = series.get(year)!;
      if (earliestLater === null) series.delete(year);
      else series.set(year, earliestLater);
      if (earliestLater === null || received < earliestLater) earliestLater = received;
    }
  }
  return seriesOfDataset;
}
