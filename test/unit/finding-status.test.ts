import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/register/dates';
import { effectiveStatus, findingFingerprint, type StoredFindingStatus } from '../../shared/findings/finding-status';
import type { Finding } from '../../shared/register/findings';

const finding: Finding = {
  id: 'DSA_EXPIRING:dsa-1',
  code: 'DSA_EXPIRING',
  severity: 'medium',
  title: 'NIC-001 ends on 30 June 2026',
  action: 'Renew it.',
  subjects: [{ kind: 'dsa', id: 'dsa-1', label: 'NIC-001' }],
  dueDate: '2026-06-30',
};

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2025-01-01', n));

describe('the reopening rule', () => {
  it('a decision holds up to and including its date and reopens the day after, for either kind', () => {
    fc.assert(
      fc.property(day, day, fc.boolean(), (decisionDate, asOf, acknowledged) => {
        const common = { fingerprint: findingFingerprint(finding), setAt: '2025-01-01T00:00:00Z', setBy: 'ig' };
        const stored: StoredFindingStatus = acknowledged
          ? { state: 'acknowledged', owner: 'Priya', targetDate: decisionDate, ...common }
          : { state: 'risk-accepted', reason: 'r', reviewDate: decisionDate, acceptedBy: 'SIRO', ...common };
        const status = effectiveStatus(stored, finding, asOf);
        if (asOf <= decisionDate) expect(status.state).toBe(stored.state);
        else expect(status).toEqual({ state: 'open', reopened: acknowledged ? 'target-date-passed' : 'review-date-passed' });
      }),
    );
  });

  it('any change to the subjects, severity or title reopens it as "facts changed", whatever the date', () => {
    const stored: StoredFindingStatus = { state: 'risk-accepted', reason: 'r', reviewDate: '2099-01-01', acceptedBy: 'SIRO', fingerprint: findingFingerprint(finding), setAt: 'x', setBy: 'ig' };
    const changes: Partial<Finding>[] = [
      { severity: 'high' },
      { title: 'NIC-001 ends on 31 July 2026' },
      { subjects: [...finding.subjects, { kind: 'copy', id: 'c-2', label: 'copy' }] },
    ];
    for (const change of changes) expect(effectiveStatus(stored, { ...finding, ...change }, '2026-06-01')).toEqual({ state: 'open', reopened: 'facts-changed' });
    // The action's wording and the subjects' labels and order are not facts: rewording them keeps the decision.
    const same = { ...finding, action: 'Renew it now.', subjects: [{ kind: 'dsa', id: 'dsa-1', label: 'renamed' }] };
    expect(effectiveStatus(stored, same, '2026-06-01').state).toBe('risk-accepted');
  });

  it('no decision is open, never reopened', () => {
    expect(effectiveStatus(undefined, finding, '2026-06-01')).toEqual({ state: 'open', reopened: null });
  });
});
