import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/destruction/canonical-json';
import { describeDifferences } from '../../shared/destruction/certificate-diff';
import { CERTIFICATE_FORMAT, CERTIFICATE_FORMAT_VERSION, type CertificateContent } from '../../shared/destruction/certificate-content';

/** JSON values of the kinds a certificate holds: strings, integers, booleans, null, arrays, objects. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 3 }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 5 }),
})).value;

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const rotated = keys.map((_, i) => keys[(i + seed) % keys.length]!).reverse();
  return Object.fromEntries(rotated.map((k) => [k, shuffleKeys((value as Record<string, unknown>)[k], seed + 1)]));
}

describe('canonical JSON of a certificate', () => {
  it('is the same text whatever the key order, has no whitespace outside strings, and parses back to the same value', () => {
    fc.assert(
      fc.property(jsonValue, fc.nat(10), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffleKeys(value, seed))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(text).toBe(JSON.stringify(JSON.parse(text), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)));
      }),
    );
  });

  it('sorts keys at every depth and refuses numbers that are not integers', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: true, y: null }], c: 'é' } })).toBe('{"a":{"c":"é","d":[{"y":null,"z":true}]},"b":1}');
    expect(() => canonicalJson({ ratio: 0.5 })).toThrow(/integers only/);
  });
});

describe('differences between two versions of a certificate', () => {
  const base: CertificateContent = {
    format: CERTIFICATE_FORMAT,
    formatVersion: CERTIFICATE_FORMAT_VERSION,
    certificateNumber: 'COD-2026-0001',
    issuedDate: '2026-03-05',
    issuedAt: '2026-03-05T10:00:00.000Z',
    issuedBy: { organisation: 'Trust', person: 'IG lead' },
    agreement: { dsaReference: 'DARS-NIC-00574-V2H1F', title: null, version: '2', versionId: 'v', startDate: '2023-01-01', endDate: '2026-01-31', dsfcReference: null },
    controllers: [],
    processors: [],
    reason: 'End of agreement',
    holdings: [
      {
        id: 'h',
        darsFileReference: 'NIC_HES',
        dataset: 'HES',
        dataYear: null,
        periodFrom: null,
        periodTo: null,
        receivedDate: '2024-01-01',
        recordCount: 10,
        checksum: null,
        copies: [
          {
            id: 'c1',
            kind: 'backup',
            location: { id: 'l', name: 'Vault', kind: 'backup', operator: 'CSU', place: null },
            pathOrDescription: null,
            createdDate: '2024-01-02',
            destroyedDate: '2026-03-01',
            destruction: null,
            absenceCheck: null,
            evidence: [],
          },
        ],
      },
    ],
    statement: { allDestroyed: true, text: 'All destroyed.', exceptions: [] },
    retained: 'Nothing is retained.',
    signatories: [],
  };

  it('names the copy and both values, and says nothing when only the order of copies differs', () => {
    const later = structuredClone(base);
    later.holdings[0]!.copies[0]!.destroyedDate = '2026-03-04';
    expect(describeDifferences(base, later, 'register')).toEqual(['copy "Backup copy at Vault" of NIC_HES: destruction date differs: certificate 2026-03-01, register 2026-03-04']);
    const two = structuredClone(base);
    two.holdings[0]!.copies.push({ ...structuredClone(base.holdings[0]!.copies[0]!), id: 'c2', kind: 'primary' });
    const reordered = structuredClone(two);
    reordered.holdings[0]!.copies.reverse();
    expect(describeDifferences(two, reordered, 'register')).toEqual([]);
    expect(describeDifferences(base, two, 'register')).toEqual(['copy "Primary copy at Vault" of NIC_HES is in the register but not on the certificate']);
    expect(describeDifferences(base, base, 'register')).toEqual([]);
  });
});
