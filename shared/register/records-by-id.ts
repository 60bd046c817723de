/**
 * Records by id, each also numbered by its position in the table (its slot), for the tables a check
 * over every copy looks up by number rather than by id. It is the register index's Map for those
 * tables, without a second Map of 20,000 entries from id to position: one Map from id to slot and
 * one array of records, read through the ReadonlyMap interface every rule already uses.
 *
 * Like a Map, a second record with an id already present replaces the first in its place.
 */
export class RecordsById<T extends { id: string }> implements ReadonlyMap<string, T> {
  readonly #slots = new Map<string, number>();
  readonly #records: T[] = [];

  add(record: T): void {
    const slot = this.#slots.get(record.id);
    if (slot === undefined) {
      this.#slots.set(record.id, this.#records.length);
      this.#records.push(record);
    } else this.#records[slot] = record;
  }

  /** The record's position, 0 to size - 1, or undefined if there is none with this id. */
  slotOf(id: string): number | undefined {
    return this.#slots.get(id);
  }

  /** The record at a position given by slotOf. */
  at(slot: number): T {
    return this.#records[slot]!;
  }

  get(id: string): T | undefined {
    const slot = this.#slots.get(id);
    return slot === undefined ? undefined : this.#records[slot];
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  get size(): number {
    return this.#records.length;
  }

  keys(): MapIterator<string> {
    return this.#slots.keys();
  }

  values(): MapIterator<T> {
    return this.#records.values();
  }

  entries(): MapIterator<[string, T]> {
    return this.#records.map((r): [string, T] => [r.id, r]).values();
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const record of this.#records) callback(record, record.id, this);
  }
}
