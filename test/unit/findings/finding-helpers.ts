import { expect } from 'vitest';
import { computeFindings } from '../../../shared/findings';
import type { Finding, FindingCode } from '../../../shared/register/findings';
import { SCENARIO_AS_OF } from '../../helpers/compliant-register';
import type { RegisterBuilder } from '../../helpers/register-builder';

export const findingsOf = (builder: RegisterBuilder, asOf: string = SCENARIO_AS_OF): Finding[] => computeFindings(builder.build(), asOf);

export const codesOf = (builder: RegisterBuilder, asOf: string = SCENARIO_AS_OF): string[] => findingsOf(builder, asOf).map((f) => f.code);

export const withCode = (builder: RegisterBuilder, code: FindingCode, asOf: string = SCENARIO_AS_OF): Finding[] =>
  findingsOf(builder, asOf).filter((f) => f.code === code);

/** The one finding of `code`, failing the test if there is not exactly one. */
export function theFinding(builder: RegisterBuilder, code: FindingCode, asOf: string = SCENARIO_AS_OF): Finding {
  const found = withCode(builder, code, asOf);
  expect(found.map((f) => f.id)).toHaveLength(1);
  return found[0]!;
}

export const subjectIds = (finding: Finding): string[] => finding.subjects.map((s) => s.id);
