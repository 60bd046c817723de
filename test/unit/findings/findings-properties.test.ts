import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFindings, computeFindings } from '../../../shared/findings';
import { findingCodes, findingSchema, type FindingCode } from '../../../shared/register/findings';
import type { RegisterContent } from '../../../shared/register/snapshot';
import { asOfArbitrary, registerArbitrary } from '../../helpers/register-arbitrary';

/** A seeded Fisher–Yates shuffle, so a failing case can be replayed from fast-check's seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same register with every array (records, parties, certificate holdings) in another order. */
function reordered(register: RegisterContent, seed: number): RegisterContent {
  const entries = Object.entries(register).map(([key, records], k) => [
    key,
    shuffled(
      (records as { id: string }[]).map((r) => ({
        ...r,
        ...('parties' in r ? { parties: shuffled(r.parties as unknown[], seed + 1) } : {}),
        ...('holdingIds' in r ? { holdingIds: shuffled(r.holdingIds as string[], seed + 2) } : {}),
      })),
      seed + k,
    ),
  ]);
  return Object.fromEntries(entries) as RegisterContent;
}

const copyCodes: FindingCode[] = ['DSA_EXPIRED_DATA_HELD', 'DESTRUCTION_OVERDUE', 'CERTIFICATE_MISSING', 'COPY_AT_UNAPPROVED_LOCATION', 'OPERATOR_NOT_PARTY'];

describe('findings hold these properties for every register', () => {
  it('are deterministic and independent of the order of the input arrays', () => {
    fc.assert(
      fc.property(registerArbitrary, asOfArbitrary, fc.integer(), (register, asOf, seed) => {
        const findings = computeFindings(register, asOf);
        expect(computeFindings(register, asOf)).toEqual(findings);
        expect(computeFindings(reordered(register, seed), asOf)).toEqual(findings);
      }),
      { numRuns: 300 },
    );
  });

  it('are well formed: valid, unique ids, sorted, about live records, with one sentence of advice', () => {
    fc.assert(
      fc.property(registerArbitrary, asOfArbitrary, (register, asOf) => {
        const findings = computeFindings(register, asOf);
        const live = new Set(Object.values(register).flatMap((records: { id: string; archived: boolean }[]) => records.filter((r) => !r.archived).map((r) => r.id)));
        expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
        for (const [i, finding] of findings.entries()) {
          expect(findingSchema.parse(finding)).toEqual(finding);
          expect(finding.subjects.length).toBeGreaterThan(0);
          for (const subject of finding.subjects) expect(live.has(subject.id)).toBe(true);
          expect(finding.action).toMatch(/^[A-Z][^]*\.$/);
          expect(finding.action).not.toMatch(/\.\s+[A-Z]/);
          if (i > 0) expect(compareFindings(findings[i - 1]!, finding)).toBeLessThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are empty once every record is archived', () => {
    fc.assert(
      fc.property(registerArbitrary, asOfArbitrary, (register, asOf) => {
        const archived = Object.fromEntries(Object.entries(register).map(([key, records]) => [key, (records as object[]).map((r) => ({ ...r, archived: true }))])) as RegisterContent;
        expect(computeFindings(archived, asOf)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('include nothing about copies when the register has none', () => {
    fc.assert(
      fc.property(registerArbitrary, asOfArbitrary, (register, asOf) => {
        const findings = computeFindings({ ...register, copies: [] }, asOf);
        expect(findings.filter((f) => copyCodes.includes(f.code as FindingCode))).toEqual([]);
        expect(findings.flatMap((f) => f.subjects).filter((s) => s.kind === 'copy')).toEqual([]);
        // Without data at a location, a location outside the territory is only an approval to correct.
        expect(findings.filter((f) => f.code === 'LOCATION_OUTSIDE_TERRITORY' && f.severity !== 'medium')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the generated registers do exercise every finding code', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(registerArbitrary, asOfArbitrary, (register, asOf) => {
        for (const f of computeFindings(register, asOf)) seen.add(f.code);
      }),
      { numRuns: 400, seed: 20260601 },
    );
    expect([...seen].sort()).toEqual([...findingCodes].sort());
  });
});
