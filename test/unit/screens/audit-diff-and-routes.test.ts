import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screens } from '../../../shared/app/screens';
import { auditDiff, auditRecordName, EMPTY_VALUE, readablePath } from '../../../renderer/src/audit/audit-diff';
import { parseRoute, recordHref, routeHref } from '../../../renderer/src/navigation/record-route';

describe('the audit log’s diff', () => {
  const before = { id: 'o1', archived: false, legalName: 'Leeds CCG', roles: ['controller'], icoRenewalDate: null, parties: [{ organisationId: 'a', role: 'controller' }] };

  it('shows only what an update changed, field by field', () => {
    const after = { ...before, icoRenewalDate: '2027-03-31', roles: ['controller', 'processor'], parties: [{ organisationId: 'b', role: 'controller' }] };
    expect(auditDiff(before, after)).toEqual([
      { path: 'roles[1]', before: null, after: 'processor', change: 'added' },
      { path: 'icoRenewalDate', before: EMPTY_VALUE, after: '2027-03-31', change: 'changed' },
      { path: 'parties[0].organisationId', before: 'a', after: 'b', change: 'changed' },
    ]);
  });

  it('shows every field of a new record as added, and nothing for an unchanged one (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))), (record) => {
        expect(auditDiff(record, structuredClone(record))).toEqual([]);
        const created = auditDiff(null, record);
        expect(created.every((row) => row.change === 'added' && row.before === null)).toBe(true);
        expect(created.length).toBe(Object.keys(record).length);
      }),
    );
  });

  it('names fields as the form does, and records by what people call them', () => {
    expect(readablePath('organisation', 'icoRenewalDate')).toBe('ICO registration renewal date');
    expect(readablePath('dsaVersion', 'parties[1].role')).toBe('Controllers and processors [2] › role');
    expect(readablePath('register', 'file')).toBe('file');
    expect(auditRecordName(null, before)).toBe('Leeds CCG');
    expect(auditRecordName({ dsaId: 'd', version: '4.2' }, null)).toBe('v4.2');
  });
});

describe('routes to records', () => {
  it('round-trips every screen, segment and id through the hash, whatever characters the id holds (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...screens.map((s) => s.id)), fc.stringMatching(/^[a-zA-Z]{1,12}$/), fc.string({ minLength: 1, maxLength: 40 }), fc.string({ maxLength: 10 }), (screen, segment, id, version) => {
        const route = parseRoute(routeHref(screen, segment, id, { version }));
        expect([route.screen, route.segment, route.id, route.params.get('version')]).toEqual([screen, segment, id, version]);
      }),
    );
  });

  it('sends each kind of record to the screen that shows it, and nothing for an unknown kind', () => {
    expect(recordHref('holding', 'h1')).toBe('#/holdings/holding/h1');
    expect(recordHref('dsaVersion', 'v 1')).toBe('#/agreements/dsaVersion/v%201');
    expect(recordHref('location', 'l1')).toBe('#/locations/location/l1');
    expect(recordHref('setting', 'x')).toBeNull();
    expect(parseRoute('#/nowhere/else').screen).toBe('dashboard');
  });
});
