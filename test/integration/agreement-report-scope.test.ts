import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/ipc/contract';
import { SCENARIO_AS_OF } from '../helpers/compliant-register';
import { extractPdfText } from '../helpers/pdf-text';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { otherAgreementsWords, twoAgreements } from '../helpers/two-agreements';

/** The report for DARS-NIC-00574-V2H1F in the register of test/helpers/two-agreements.ts. */
describe('the audit report for one agreement of two that share a location and a controller', () => {
  const temp = useTempDir('custodian-agreement-report-');

  function app() {
    const saved: string[] = [];
    const { context } = createServiceContext({
      databasePath: temp.path('register.sqlite'),
      appVersion: 'test',
      now: () => new Date(`${SCENARIO_AS_OF}T10:00:00Z`),
      dialogs: {
        chooseFileToOpen: () => Promise.resolve(null),
        chooseFileToSave: (o) => (saved.push(o.defaultName ?? ''), Promise.resolve(temp.path(o.defaultName ?? 'unnamed'))),
      },
    });
    storeRegister(context.db, twoAgreements());
    const ask = async <M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> => {
      const result = await dispatch(handlerTable, context, method, request);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as ApiResponse<M>;
    };
    return { ask, saved };
  }

  async function saveReport(format: 'pdf' | 'xlsx') {
    const { ask, saved } = app();
    const written = await ask('exports.save', { what: 'holdingsReport', format, dsaId: 'hip', asOf: SCENARIO_AS_OF });
    if (written.cancelled) throw new Error('cancelled');
    // What the agreement's screen shows: findings.list as DsaDetail asks it.
    const screen = await ask('findings.list', { dsaId: 'hip', asOf: SCENARIO_AS_OF });
    const everything = await ask('findings.list', { asOf: SCENARIO_AS_OF });
    return { path: written.path, saved, screen, everything };
  }


  it('PDF: names nothing of the other agreement, and counts the high findings its screen shows', async () => {
    const { path, saved, screen, everything } = await saveReport('pdf');
    expect(saved).toEqual([`holdings-audit-report-DARS-NIC-00574-V2H1F-${SCENARIO_AS_OF}.pdf`]);
    const text = (await extractPdfText(readFileSync(path))).pages.join('\n');
    const flat = text.replace(/\s+/g, ' ');

    // The register does hold the other agreement's findings at the shared vault…
    const othersAtVault = everything.findings.filter((f) => f.subjects.some((s) => s.id === 'o-c-vault'));
    expect(othersAtVault.map((f) => f.code).sort()).toEqual(['COPY_AT_UNAPPROVED_LOCATION', 'OPERATOR_NOT_PARTY']);
    // …and none of it reaches this agreement's report, nor does any other record of that agreement.
    for (const words of otherAgreementsWords) expect(flat).not.toContain(words);

    // The findings that span both agreements are told for this one only.
    expect(flat).toContain('Exampleton Teaching Hospitals NHS Foundation Trust is a controller on DARS-NIC-00574-V2H1F v4.2 but no DSFC binding it is recorded');
    expect(flat).toContain('Exampleton Teaching Hospitals NHS Foundation Trust has no ICO registration number recorded');
    expect(flat).toContain('Analyst laptop is not an approved location of DARS-NIC-00574-V2H1F v4.2');

    // The screen counts this agreement's two high findings (the laptop copy, the trust's DSFC), not the other's two at the vault.
    const high = screen.findings.filter((f) => f.severity === 'high');
    expect(high.map((f) => f.code).sort()).toEqual(['COPY_AT_UNAPPROVED_LOCATION', 'DSFC_MISSING']);
    const screenHigh = high.length;
    expect(flat).toMatch(new RegExp(`Findings ${screenHigh} high, ${screen.findings.filter((f) => f.severity === 'medium').length} medium, ${screen.findings.filter((f) => f.severity === 'low').length} low`));
  });

  it('PDF: each holding shows its destroy-by date, carried through the renewal from v4.1 to v4.2', async () => {
    const { path } = await saveReport('pdf');
    const flat = (await extractPdfText(readFileSync(path))).pages.join('\n').replace(/\s+/g, ' ');
    // v4.2 ends 31 March 2028 and allows 30 days; the 2023 extract was received under v4.1 (ended
    // 31 March 2025) and is held under v4.2 since the renewal, so it is due then too.
    expect(flat.match(/Destroy by 30 April 2028/g)).toHaveLength(2);
    expect(flat).not.toContain('Destroy by 30 April 2025');
  });

  it('XLSX: no cell names the other agreement; the findings sheet counts what the screen counts', async () => {
    const { path, saved, screen } = await saveReport('xlsx');
    expect(saved).toEqual([`holdings-audit-report-DARS-NIC-00574-V2H1F-${SCENARIO_AS_OF}.xlsx`]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    for (const words of otherAgreementsWords) expect(cells.filter((c) => c.includes(words)), words).toEqual([]);

    const findings = rowsOf(workbook.getWorksheet('Findings')!);
    expect(findings[0]).toContain('Severity');
    const body = findings.slice(1);
    expect(body.map((r) => r[7]).sort()).toEqual(screen.findings.map((f) => f.id).sort());
    expect(body.filter((r) => r[0] === 'high')).toHaveLength(screen.findings.filter((f) => f.severity === 'high').length);

    const holdings = rowsOf(workbook.getWorksheet('Holdings and copies')!);
    const destroyBy = holdings[0]!.indexOf('Destroy by');
    const fileReference = holdings[0]!.indexOf('DARS file reference');
    expect(new Set(holdings.slice(1).map((r) => `${r[fileReference]} ${r[destroyBy]}`))).toEqual(new Set(['NIC00574_HES_APC_2023 2028-04-30', 'NIC00574_HES_APC_2024 2028-04-30']));
  });
});

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
