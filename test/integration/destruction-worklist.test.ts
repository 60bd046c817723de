import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/ipc/contract';
import { compliantRegister } from '../helpers/compliant-register';
import { destructionOf } from '../helpers/destruction-scenario';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The destruction worklist and recording several copies at once, over IPC, on 20 April 2028: the
 * compliant scenario's holdings fall due on 30 April 2028 (v4.2 ends 31 March, 30 days after), and a
 * second agreement's holding at the TRE ended in 2027, so it is overdue.
 */
function register() {
  return compliantRegister()
    .dsa('other', 'DARS-NIC-31337-Q7Z9K', { title: 'Maternity outcomes linkage' })
    .version('o-v1', { dsa: 'other', version: '1', start: '2024-01-01', end: '2027-06-30', controllers: ['uni'], dsfc: 'uni-dsfc', destructionRule: { kind: 'days-after-end', days: 30 } })
    .dataset('o-ds', 'o-v1', 'Maternity Services Data Set')
    .approve('o-tre', 'o-v1', 'tre', 'storage')
    .holding('o-h', 'o-v1', 'o-ds', { darsFileReference: 'NIC31337_MSDS_2025', receivedDate: '2025-03-01' })
    .copy('o-c-tre', 'o-h', 'tre', 'primary')
    .build();
}

describe('the destruction worklist and recording several copies in one form', () => {
  const temp = useTempDir('custodian-destruction-worklist-');

  function app(evidencePath: string | null = null) {
    const { context } = createServiceContext({
      databasePath: temp.path('register.sqlite'),
      appVersion: 'test',
      now: () => new Date('2028-04-20T10:00:00Z'),
      dialogs: { chooseFileToOpen: async () => evidencePath, chooseFileToSave: async () => null },
    });
    storeRegister(context.db, register());
    const ask = async <M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> => {
      const result = await dispatch(handlerTable, context, method, request);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as ApiResponse<M>;
    };
    return { ask, context };
  }

  it('lists pending holdings soonest first, overdue ones flagged, filtered by due date, agreement and location, and paged', async () => {
    const { ask } = app();
    const all = await ask('destruction.worklist', {});
    expect(all.items.map((i) => i.holding.label)).toEqual(['NIC31337_MSDS_2025 (DARS-NIC-31337-Q7Z9K v1)', 'NIC00574_HES_APC_2023 (DARS-NIC-00574-V2H1F v4.1)', 'NIC00574_HES_APC_2024 (DARS-NIC-00574-V2H1F v4.2)']);
    expect(all.items.map((i) => i.overdue)).toEqual([true, false, false]);
    expect(all.items[1]!.deadline).toBe('2028-04-30');
    expect(all.dueCounts).toEqual({ all: 3, overdue: 1, 'within-30': 2, 'within-90': 2 });

    expect((await ask('destruction.worklist', { due: 'overdue' })).items.map((i) => i.holding.id)).toEqual(['o-h']);
    expect((await ask('destruction.worklist', { due: 'within-30' })).items.map((i) => i.holding.id)).toEqual(['hes-2023', 'hes-2024']);
    expect((await ask('destruction.worklist', { agreementId: 'other' })).items.map((i) => i.holding.id)).toEqual(['o-h']);
    const atAws = await ask('destruction.worklist', { locationId: 'aws-london' });
    expect(atAws.items.map((i) => i.holding.id)).toEqual(['hes-2024']);
    expect(atAws.items[0]!.liveCopies.map((c) => c.copy.id)).toEqual(['c-2024-aws']);
    const second = await ask('destruction.worklist', { offset: 1, limit: 1 });
    expect(second.total).toBe(3);
    expect(second.items.map((i) => i.holding.id)).toEqual(['hes-2023']);
    expect(all.facets.locations.map((l) => l.label)).toEqual(['AWS eu-west-2 (London)', 'CSU Leeds backup vault', 'Exampleton Secure Data Environment']);
  });

  it('records every copy of a holding in one form with evidence stored once, one copy overriding the operator, and drops the holding from the list', async () => {
    const evidence = temp.path('erasure-report.txt');
    writeFileSync(evidence, 'Erasure report: 3 volumes, 0 errors\n');
    const { ask } = app(evidence);
    const token = (await ask('destruction.chooseEvidence', {})).file!.token;
    const { copyId: _omit, ...common } = destructionOf('unused');
    const result = await ask('destruction.recordMany', {
      common,
      copies: [{ copyId: 'c-2024-aws' }, { copyId: 'c-2024-tre' }, { copyId: 'c-2024-vault', overrides: { operator: 'CSU backup team' } }],
      evidenceTokens: [token],
    });
    expect(result.recorded.map((r) => r.copy.id)).toEqual(['c-2024-aws', 'c-2024-tre', 'c-2024-vault']);
    expect(result.recorded.every((r) => r.destroyedDate === '2028-04-10')).toBe(true);
    expect(result.evidence.map((e) => e.fileName)).toEqual(['erasure-report.txt']);
    const overview = await ask('destruction.overview', {});
    const latest = (id: string) => overview.copies.rows.find((c) => c.copy.id === id)!.latest!;
    expect(latest('c-2024-aws').evidence.map((e) => e.fileName)).toEqual(['erasure-report.txt']);
    expect(latest('c-2024-vault').evidence[0]!.sha256).toBe(latest('c-2024-aws').evidence[0]!.sha256);
    expect((await ask('destruction.worklist', {})).items.map((i) => i.holding.id)).toEqual(['o-h', 'hes-2023']);
  });

  it('refuses the whole form, naming the copy, when one copy\'s record is wrong, and writes nothing', async () => {
    const { ask } = app();
    const { copyId: _omit, ...common } = destructionOf('unused');
    await expect(
      ask('destruction.recordMany', { common, copies: [{ copyId: 'c-2023-tre' }, { copyId: 'c-2023-vault', overrides: { operator: '' } }] }),
    ).rejects.toThrow('Backup copy of NIC00574_HES_APC_2023 at CSU Leeds backup vault: operator: is required');
    expect((await ask('destruction.worklist', {})).total).toBe(3);
  });
});
