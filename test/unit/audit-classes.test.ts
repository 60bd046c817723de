import { describe, expect, it } from 'vitest';
import { auditClasses, auditClassOf } from '../../shared/findings/audit-classes';
import { findingCodes, incidentFindingCodes } from '../../shared/register/findings';

describe('the audit class of every finding code (shared/findings/audit-classes.ts)', () => {
  it('has exactly one line per finding code, register and incident clocks alike', () => {
    expect(Object.keys(auditClassOf).sort()).toEqual([...findingCodes, ...incidentFindingCodes].sort());
  });

  it('gives each a known class and a reason a reader can check', () => {
    for (const [code, { auditClass, why }] of Object.entries(auditClassOf)) {
      expect(auditClasses, code).toContain(auditClass);
      expect(why.length, code).toBeGreaterThan(10);
    }
  });
});
