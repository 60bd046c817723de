import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { setFindingStatus } from '../../electron/findings/finding-status-service';
import { loadRegister } from '../../electron/register/load-register';
import { storedRegisterFindings } from '../../electron/register/register-findings';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import { actorAt } from '../helpers/destruction-scenario';
import { extractPdfText } from '../helpers/pdf-text';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/**
 * custodian report audit-readiness: a laptop copy (a nonconformity), an approved DSPT improvement
 * plan (an observation) and a version ending soon (an opportunity for improvement); the laptop's
 * finding acknowledged with an owner and target date, the plan's risk accepted.
 */
describe('the audit-readiness report', () => {
  const temp = useTempDir('custodian-audit-readiness-');
  const AS_OF = SCENARIO_AS_OF;

  function register(): string {
    const path = temp.path('register.sqlite');
    const { db } = openDatabase(path, { create: true });
    storeRegister(
      db,
      compliantRegister()
        .location('laptop', { name: 'Analyst laptop', operator: 'uni', kind: 'end-user-device' })
        .copy('c-laptop', 'hes-2024', 'laptop', 'derived')
        .update('dsaVersion', 'v4.2', { endDate: '2026-08-15' })
        .update('assurance', 'uni-dspt', { dsptStatus: 'Not Met - Improvement Plan Approved', improvementPlanDate: '2026-04-15' })
        .build(),
    );
    const findings = storedRegisterFindings(db, loadRegister(db), AS_OF);
    const laptop = findings.find((f) => f.code === 'COPY_AT_UNAPPROVED_LOCATION')!;
    const plan = findings.find((f) => f.code === 'DSPT_IMPROVEMENT_PLAN')!;
    const actor = actorAt(`${AS_OF}T09:00:00.000Z`);
    setFindingStatus(db, actor, findings, AS_OF, { findingId: laptop.id, state: 'acknowledged', owner: '=Sam Jones', targetDate: '2026-06-30' });
    setFindingStatus(db, actor, findings, AS_OF, { findingId: plan.id, state: 'risk-accepted', reason: 'Plan on track; staff training booked', reviewDate: '2026-09-30', acceptedBy: 'Jo Patel' });
    db.close();
    return path;
  }

  it('PDF: the counts by class, each finding under its class, and the action plan with owner, target date and status', async () => {
    const db = register();
    const out = temp.path('ready.pdf');
    const run = await runCliCaptured(['report', 'audit-readiness', '--output', out, '--as-of', AS_OF, '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pages = (await extractPdfText(readFileSync(out))).pages.map((p) => p.replace(/\s+/g, ' '));
    const text = pages.join(' ');
    expect(text).toContain('Audit-readiness report');
    expect(text).toMatch(/Agreement nonconformity 1 Observation 1 Opportunity for improvement 1/);
    // Each finding under its class's heading, nonconformities first.
    const at = (words: string) => text.indexOf(words);
    expect(at('Agreement nonconformities (1)')).toBeGreaterThan(-1);
    expect(at('Agreement nonconformities (1)')).toBeLessThan(at('Analyst laptop'));
    expect(at('Analyst laptop')).toBeLessThan(at('Observations (1)'));
    expect(at('Observations (1)')).toBeLessThan(at('DSPT 2025/26 is Not Met'));
    expect(at('DSPT 2025/26 is Not Met')).toBeLessThan(at('Opportunities for improvement (1)'));
    expect(at('Opportunities for improvement (1)')).toBeLessThan(at('Action plan'));
    const plan = text.slice(text.indexOf('Action plan'));
    expect(plan).toMatch(/Analyst laptop.*Agreement nonconformity =Sam Jones 30 June 2026 Acknowledged/);
    expect(plan).toMatch(/improvement plan NHS England approved on 15 April 2026 Observation Jo Patel 30 September 2026 Risk accepted: Plan on track; staff training booked/);
    expect(plan).toMatch(/ends on 15 August 2026 \(in 75 days\) and no renewal is recorded Opportunity for improvement Not assigned Open/);
  });

  it('XLSX: each finding’s class in its row, and the action plan’s cells, formula-safe', async () => {
    const db = register();
    const out = temp.path('ready.xlsx');
    expect((await runCliCaptured(['report', 'audit-readiness', '--output', out, '--as-of', AS_OF, '--db', db])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const findings = workbook.getWorksheet('Findings')!;
    const rows = [2, 3, 4].map((r) => [1, 2, 3].map((c) => findings.getRow(r).getCell(c).value));
    expect(rows).toEqual([
      ['Agreement nonconformity', 'high', 'COPY_AT_UNAPPROVED_LOCATION'],
      ['Observation', 'low', 'DSPT_IMPROVEMENT_PLAN'],
      ['Opportunity for improvement', 'medium', 'DSA_EXPIRING'],
    ]);
    const plan = workbook.getWorksheet('Action plan')!;
    expect([2, 3, 4].map((r) => [2, 3, 4, 5].map((c) => plan.getRow(r).getCell(c).value))).toEqual([
      ['Agreement nonconformity', "'=Sam Jones", '2026-06-30', 'Acknowledged'],
      ['Observation', 'Jo Patel', '2026-09-30', 'Risk accepted: Plan on track; staff training booked'],
      ['Opportunity for improvement', null, null, 'Open'],
    ]);
    expect(plan.getRow(2).getCell(3).formula).toBeUndefined();
    const summary = workbook.getWorksheet('Summary')!;
    const facts = Object.fromEntries(summary.getSheetValues().slice(2).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    expect(facts).toMatchObject({ 'Agreement nonconformity': '1', Observation: '1', 'Opportunity for improvement': '1', Contents: 'Audit-readiness report' });
  });
});
