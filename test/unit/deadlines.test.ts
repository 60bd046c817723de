import { describe, expect, it } from 'vitest';
import { upcomingDeadlines } from '../../shared/register/deadlines';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';

describe('upcomingDeadlines', () => {
  it('lists every kind of dated duty in the window, soonest first, naming the record', () => {
    const register = compliantRegister()
      .update('dsaVersion', 'v4.2', { endDate: '2026-12-31' }) // destruction then due 30 January 2027
      .build();
    const deadlines = upcomingDeadlines(register, SCENARIO_AS_OF, 365);
    expect(deadlines.map((d) => [d.date, d.kind, d.label])).toEqual([
      ['2026-09-30', 'obligation', 'Due: Outputs must be aggregated with small numbers suppressed in…'],
      ['2026-11-30', 'ico-renewal', 'Renew the ICO registration of Amazon Web Services EMEA SARL (UK Branch)'],
      ['2026-12-31', 'version-end', 'DARS-NIC-00574-V2H1F v4.2 ends'],
      ['2027-01-15', 'ico-renewal', 'Renew the ICO registration of North of England Commissioning Support Unit'],
      ['2027-01-30', 'destruction', 'Destroy every copy of NIC00574_HES_APC_2023 (DARS-NIC-00574-V2H1F v4.1)'],
      ['2027-01-30', 'destruction', 'Destroy every copy of NIC00574_HES_APC_2024 (DARS-NIC-00574-V2H1F v4.2)'],
      ['2027-03-31', 'ico-renewal', 'Renew the ICO registration of University of Exampleton'],
    ]);
    expect(deadlines[2]!.record).toEqual({ kind: 'dsaVersion', id: 'v4.2', label: 'DARS-NIC-00574-V2H1F v4.2' });
    expect(deadlines[2]!.id).toBe('version-end:v4.2');
  });

  it('includes the as-of date and the last day of the horizon, and nothing beyond', () => {
    const register = compliantRegister().update('obligation', 'sc-outputs', { dueDate: SCENARIO_AS_OF });
    expect(upcomingDeadlines(register.build(), SCENARIO_AS_OF, 0).map((d) => d.kind)).toEqual(['obligation']);
    const aws = (horizon: number) => upcomingDeadlines(compliantRegister().build(), SCENARIO_AS_OF, horizon).filter((d) => d.kind === 'ico-renewal');
    expect(aws(182)).toHaveLength(1); // 30 November 2026 is 182 days ahead
    expect(aws(181)).toHaveLength(0);
  });

  it('shows only the latest assurance of each kind per organisation, and ignores met obligations and archived records', () => {
    const register = compliantRegister()
      .assurance('uni-dspt-old', 'uni', { kind: 'DSPT', dsptYear: '2024/25', dsptStatus: 'Standards Met', expiryDate: '2026-06-30' })
      .update('obligation', 'sc-outputs', { status: 'met' })
      .archive('organisation', 'csu');
    const kinds = upcomingDeadlines(register.build(), SCENARIO_AS_OF, 400).map((d) => d.id);
    expect(kinds).not.toContain('assurance-expiry:uni-dspt-old');
    expect(kinds).toContain('assurance-expiry:uni-dspt');
    expect(kinds).not.toContain('obligation:sc-outputs');
    expect(kinds).not.toContain('ico-renewal:csu');
  });
});
