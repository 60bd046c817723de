import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { findingSchema } from '../../shared/register/findings';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import type { RegisterBuilder } from '../helpers/register-builder';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

describe('custodian findings', () => {
  const temp = useTempDir();

  /** A register file holding the builder's records. */
  function registerFile(builder: RegisterBuilder): string {
    const path = temp.path('register.sqlite');
    const { db } = openDatabase(path, { create: true });
    storeRegister(db, builder.build());
    db.close();
    return path;
  }

  const withUnapprovedLaptop = () =>
    compliantRegister()
      .location('laptop', { name: 'Analyst laptop EXU-4471', operator: 'uni', kind: 'end-user-device' })
      .copy('c-laptop', 'hes-2024', 'laptop', 'derived')
      .update('obligation', 'sc-outputs', { dueDate: '2026-05-15' });

  it('prints a table of the findings with what to do, and exits 1 when one is high', async () => {
    const db = registerFile(withUnapprovedLaptop());
    const run = await runCliCaptured(['findings', '--db', db, '--as-of', SCENARIO_AS_OF]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Findings on 1 June 2026: 1 high, 1 medium, 0 low');
    expect(lines[2]).toMatch(/^SEVERITY\s+CODE\s+DUE\s+FINDING$/);
    expect(lines[3]).toMatch(/^HIGH\s+COPY_AT_UNAPPROVED_LOCATION\s+-\s+Derived copy of NIC00574_HES_APC_2024 at Analyst laptop EXU-4471: /);
    expect(lines[4]).toMatch(/^\s+What to do: Move or destroy the copy/);
    expect(lines[5]).toMatch(/^\s+Status: Open \[COPY_AT_UNAPPROVED_LOCATION:c-laptop\]$/);
    expect(lines[6]).toMatch(/^MEDIUM\s+OBLIGATION_OVERDUE\s+2026-05-15\s+Special condition overdue since 15 May 2026/);
    expect(run.stderr).toBe('custodian: 1 high-severity finding: act on it first\n');
  });

  it('prints JSON with --json that parses into valid findings, in the same order', async () => {
    const db = registerFile(withUnapprovedLaptop());
    const run = await runCliCaptured(['findings', '--json', '--as-of', SCENARIO_AS_OF], { CUSTODIAN_DB: db });
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as { asOf: string; counts: Record<string, number>; findings: unknown[] };
    expect(parsed.asOf).toBe(SCENARIO_AS_OF);
    expect(parsed.counts).toEqual({ high: 1, medium: 1, low: 0 });
    const findings = parsed.findings.map((f) => findingSchema.parse(f));
    expect(findings.map((f) => f.id)).toEqual(['COPY_AT_UNAPPROVED_LOCATION:c-laptop', 'OBLIGATION_OVERDUE:sc-outputs']);
  });

  it('exits 0 when no finding is high', async () => {
    const medium = await runCliCaptured(['findings', '--db', registerFile(compliantRegister().update('obligation', 'sc-outputs', { dueDate: '2026-05-15' })), '--as-of', SCENARIO_AS_OF]);
    expect(medium).toMatchObject({ code: 0, stderr: '' });
    expect(medium.stdout).toContain('0 high, 1 medium, 0 low');
  });

  it('reports a clean register', async () => {
    const clean = await runCliCaptured(['findings', '--db', registerFile(compliantRegister()), '--as-of', SCENARIO_AS_OF]);
    expect(clean).toEqual({ code: 0, stdout: 'No findings on 1 June 2026.\n', stderr: '' });
  });

  it('judges the register on the --as-of date: the same register is clean before a deadline and not after', async () => {
    const db = registerFile(compliantRegister());
    expect((await runCliCaptured(['findings', '--db', db, '--as-of', '2028-04-30'])).stdout).not.toContain('DESTRUCTION_OVERDUE');
    const after = await runCliCaptured(['findings', '--db', db, '--as-of', '2028-05-01']);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('DESTRUCTION_OVERDUE');
  });

  it('refuses a bad date with exit 2 and one line naming it, before touching the register', async () => {
    for (const bad of ['2026-02-30', '01/06/2026', 'tomorrow']) {
      const run = await runCliCaptured(['findings', '--db', temp.path('absent.sqlite'), '--as-of', bad]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`--as-of "${bad}"`);
    }
  });

  it('refuses a missing register with exit 2 and says how to create one', async () => {
    const run = await runCliCaptured(['findings', '--db', temp.path('none.sqlite')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('custodian init');
  });
});
