import type { DurImportCounts } from '../../../shared/imports/imports-api';
import type { DurPlace } from './dur-import-error';
import { sameRecord } from './same-record';

/** Records the import touches, each with what it was before (null when new) and the row that last set it. */
export class Touched<T extends { id: string }> {
  private readonly before = new Map<string, T | null>();
  private readonly after = new Map<string, { record: T; place: DurPlace }>();
  private readonly unchangedIds = new Set<string>();

  current(record: T): T {
    return this.after.get(record.id)?.record ?? record;
  }
  created(record: T, place: DurPlace): void {
    this.before.set(record.id, null);
    this.after.set(record.id, { record, place });
  }
  updated(original: T, next: T, place: DurPlace): void {
    if (!this.before.has(original.id)) this.before.set(original.id, original);
    this.after.set(original.id, { record: next, place });
  }
  /** An existing record the import names but does not change. */
  seen(record: T): void {
    this.unchangedIds.add(record.id);
  }
  changes(): { before: T | null; after: T; place: DurPlace }[] {
    const out: { before: T | null; after: T; place: DurPlace }[] = [];
    for (const [id, { record, place }] of this.after) {
      const before = this.before.get(id) ?? null;
      if (before === null || !sameRecord(before, record)) out.push({ before, after: record, place });
    }
    return out;
  }
  counts(): DurImportCounts {
    const changes = this.changes();
    const created = changes.filter((c) => c.before === null).length;
    const changedIds = new Set(changes.map((c) => c.after.id));
    const unchanged = new Set([...this.unchangedIds, ...this.after.keys()].filter((id) => !changedIds.has(id))).size;
    return { created, updated: changes.length - created, unchanged };
  }
}
