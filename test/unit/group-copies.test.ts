import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyKinds } from '../../shared/register/vocabulary';
import { indexRegister } from '../../shared/register/register-index';
import { registerArbitrary } from '../helpers/register-arbitrary';

describe('the index groups copies by holding', () => {
  it('holds exactly the copies whose holding and location are live, each once, with their fields in the columns', () => {
    fc.assert(
      fc.property(registerArbitrary, (register) => {
        const index = indexRegister(register);
        // The definition, written the slow, obvious way.
        const expected = register.copies.filter((c) => !c.archived && index.holdings.has(c.holdingId) && index.locations.has(c.locationId));
        const grouped = index.holdingCopies.flatMap((g) => g.copies.map((copy, j) => ({ copy, holding: g.holding, row: g.start + j })));
        expect(grouped.map((g) => g.copy.id).sort()).toEqual(expected.map((c) => c.id).sort());
        const { location, destroyedDate, kind } = index.copyColumns;
        for (const { copy, holding, row } of grouped) {
          expect(copy.holdingId).toBe(holding.id);
          expect(location[row]!.id).toBe(copy.locationId);
          expect(destroyedDate[row]).toBe(copy.destroyedDate);
          expect(copyKinds[kind[row]!]).toBe(copy.kind);
        }
        for (const [holdingId, copies] of index.copiesByHolding) expect(copies.every((c) => c.holdingId === holdingId)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
