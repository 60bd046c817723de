import type { IsoDate } from './dates';
import type { Holding } from './records';
import type { RegisterIndex } from './register-index';

/** The first year of a data year: "2024/25" → 2024, "2024" → 2024. */
const dataYearStart = (dataYear: string | null): number | null => (dataYear === null ? null : Number(dataYear.slice(0, 4)));

/**
 * For the rolling destruction rule: when the next data year of a holding's dataset arrived, that is
 * the first date any later year of the same dataset (same DSA, dataset name, in any version of
 * the DSA) was received; null while none has.
 *
 * Built on first use over the whole register: per DSA and dataset name, the answer for every year at
 * once (a suffix minimum over the years), so a long run of yearly extracts costs n log n, not n².
 * Keys are nested maps (DSA, then name, then year), so no string is built per holding.
 */
export function createNextDataYearArrival(index: RegisterIndex): (holding: Holding) => IsoDate | null {
  const nameOfDataset = new Map<string, string | null>();
  const datasetName = (datasetId: string): string | null => {
    let name = nameOfDataset.get(datasetId);
    if (name === undefined) nameOfDataset.set(datasetId, (name = index.datasets.get(datasetId)?.name.trim().toLowerCase() ?? null));
    return name;
  };
  let arrivals: Map<string, Map<string, Map<number, IsoDate>>> | undefined;

  return (holding) => {
    const year = dataYearStart(holding.dataYear);
    const dsaId = index.versions.get(holding.versionId)?.dsaId;
    const name = datasetName(holding.datasetId);
    if (year === null || dsaId === undefined || name === null) return null;
    arrivals ??= laterYearArrivals(index, datasetName);
    return arrivals.get(dsaId)?.get(name)?.get(year) ?? null;
  };
}

function laterYearArrivals(index: RegisterIndex, datasetName: (id: string) => string | null): Map<string, Map<string, Map<number, IsoDate>>> {
  // First, the earliest receipt of each year of each dataset.
  const firstReceived = new Map<string, Map<string, Map<number, IsoDate>>>();
  for (const holding of index.holdings.values()) {
    const year = dataYearStart(holding.dataYear);
    const dsaId = index.versions.get(holding.versionId)?.dsaId;
    const name = datasetName(holding.datasetId);
    if (year === null || dsaId === undefined || name === null) continue;
    let byName = firstReceived.get(dsaId);
    if (!byName) firstReceived.set(dsaId, (byName = new Map()));
    let byYear = byName.get(name);
    if (!byYear) byName.set(name, (byYear = new Map()));
    const known = byYear.get(year);
    if (known === undefined || holding.receivedDate < known) byYear.set(year, holding.receivedDate);
  }
  // Then, for each year, the earliest receipt among the years after it.
  for (const byName of firstReceived.values())
    for (const [name, byYear] of byName) {
      const later = new Map<number, IsoDate>();
      let earliestLater: IsoDate | null = null;
      for (const year of [...byYear.keys()].sort((a, b) => b - a)) {
        if (earliestLater !== null) later.set(year, earliestLater);
        const received = byYear.get(year)!;
        if (earliestLater === null || received < earliestLater) earliestLater = received;
      }
      byName.set(name, later);
    }
  return firstReceived;
}
