import { holdingSchema, type Holding } from '../../../shared/register/records';
import type { RegisterContent } from '../../../shared/register/snapshot';
import { validated } from './build-dur-record';
import { childKey } from './dur-plan-keys';
import type { DurContent, DurRelease } from './parse-dur';
import type { DatasetPlanner } from './plan-dur-datasets';
import { sameRecord } from './same-record';
import { Touched } from './touched-records';

/** Holdings, one per released file, by DARS file reference within their version. */
export class HoldingPlanner {
  readonly touched = new Touched<Holding>();
  private readonly byKey = new Map<string, Holding>();

  constructor(
    register: RegisterContent,
    private readonly newId: () => string,
    private readonly datasets: DatasetPlanner,
  ) {
    // Archived holdings are history: the import makes live ones.
    for (const h of register.holdings) if (!h.archived) this.byKey.set(childKey(h.versionId, h.darsFileReference), h);
  }

  release(row: DurRelease, versionId: string, dur: DurContent): void {
    const dataset = this.datasets.ofRelease(row, versionId, dur);
    const key = childKey(versionId, row.fileReference);
    const existing = this.byKey.get(key);
    if (existing) {
      const current = this.touched.current(existing);
      // The register gives only the month: a date the user recorded within that month is kept.
      const receivedDate = current.receivedDate.slice(0, 7) === row.releasedMonth.slice(0, 7) ? current.receivedDate : row.releasedMonth;
      const next = validated(holdingSchema, { ...current, datasetId: dataset.id, receivedDate }, row.place, row.columns);
      if (sameRecord(next, current)) this.touched.seen(current);
      else this.touched.updated(existing, next, row.place);
      this.byKey.set(key, next);
      return;
    }
    const created = validated(
      holdingSchema,
      { id: this.newId(), versionId, datasetId: dataset.id, darsFileReference: row.fileReference, receivedDate: row.releasedMonth },
      row.place,
      row.columns,
    );
    this.touched.created(created, row.place);
    this.byKey.set(key, created);
  }
}
