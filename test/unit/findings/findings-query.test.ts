import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFindings } from '../../../shared/findings';
import { selectFindings, summariseFindings } from '../../../shared/findings/findings-query';
import { severities } from '../../../shared/register/findings';
import { asOfArbitrary, registerArbitrary } from '../../helpers/register-arbitrary';

describe('asking for part of the findings', () => {
  it('pages that, put together, are exactly the filtered findings in order, whatever the page size', () => {
    fc.assert(
      fc.property(registerArbitrary, asOfArbitrary, fc.integer({ min: 1, max: 7 }), fc.option(fc.constantFrom(...severities), { nil: undefined }), (register, asOf, limit, severity) => {
        const all = computeFindings(register, asOf);
        const whole = selectFindings(all, { severity });
        expect(whole.findings).toEqual(all.filter((f) => severity === undefined || f.severity === severity));
        const pages = [];
        for (let offset = 0; offset < whole.total + limit; offset += limit) {
          const page = selectFindings(all, { severity, offset, limit });
          expect(page.total).toBe(whole.total);
          expect(page.findings.length).toBeLessThanOrEqual(limit);
          pages.push(...page.findings);
        }
        expect(pages).toEqual(whole.findings);
      }),
      { numRuns: 100 },
    );
  });

  it('the overview counts every finding once and sends the first few of each severity', () => {
    fc.assert(
      fc.property(registerArbitrary, asOfArbitrary, fc.integer({ min: 1, max: 5 }), (register, asOf, first) => {
        const all = computeFindings(register, asOf);
        const overview = summariseFindings(all, first);
        expect(severities.reduce((n, s) => n + overview.bySeverity[s].total, 0)).toBe(all.length);
        for (const s of severities) expect(overview.bySeverity[s].first).toEqual(all.filter((f) => f.severity === s).slice(0, first));
        expect(overview.overdueObligations.total).toBe(all.filter((f) => f.code === 'OBLIGATION_OVERDUE').length);
      }),
      { numRuns: 100 },
    );
  });
});
