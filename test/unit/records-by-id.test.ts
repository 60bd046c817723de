import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordsById } from '../../shared/register/records-by-id';

describe('RecordsById reads like the Map it replaces', () => {
  it('gives the same lookups, size and iteration order as a Map, and numbers each record by its place', () => {
    const record = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), n: fc.integer() });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        const map = new Map<string, { id: string; n: number }>();
        const table = new RecordsById<{ id: string; n: number }>();
        for (const r of records) {
          map.set(r.id, r);
          table.add(r);
        }
        expect(table.size).toBe(map.size);
        expect([...table]).toEqual([...map]);
        expect([...table.keys()]).toEqual([...map.keys()]);
        expect([...table.values()]).toEqual([...map.values()]);
        for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'z']) {
          expect(table.get(id)).toBe(map.get(id));
          expect(table.has(id)).toBe(map.has(id));
          const slot = table.slotOf(id);
          if (slot !== undefined) expect(table.at(slot)).toBe(map.get(id));
        }
      }),
    );
  });
});
