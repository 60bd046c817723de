/**
 * npm run bench:lists: the main process's time to answer one page of the lists an IG lead works
 * from (issue 11, item 4), with their facts (live copies, destroy-by, open findings, location
 * checks) and sorted or filtered by them, on a register the size the issue names (1,000
 * agreements, 20,000 holdings, 100,000 copies) and on one a hundredth of that, through the real
 * `register.list` handler. After a change the Dashboard's findings are timed first (the app opens
 * on it), then the first list, which adds the facts; later pages reuse them until the register changes. Prints
 * each as milliseconds and the ratio of the large register to the small one. A benchmark, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../electron/ipc/dispatch';
import { handlerTable } from '../electron/ipc/handler-table';
import { createServiceContext } from '../electron/service-context';
import { storeRegister } from '../test/helpers/store-register';
import { generateLargeRegister, issueScale, LARGE_REGISTER_AS_OF, type LargeRegisterSize } from './large-register';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const requests: Record<string, Record<string, unknown>> = {
  'Copies, first page of 500': { kind: 'copy', offset: 0, limit: 500, filters: { archived: false }, sort: { field: 'createdDate', direction: 'desc' } },
  'Copies, flagged locations first': { kind: 'copy', offset: 0, limit: 500, filters: { archived: false }, sort: { field: 'locationFlag', direction: 'desc' } },
  'Copies, only flagged': { kind: 'copy', offset: 0, limit: 500, filters: { archived: false, flagged: true } },
  'Holdings by destroy-by date': { kind: 'holding', offset: 0, limit: 200, filters: { archived: false }, sort: { field: 'destroyBy', direction: 'asc' } },
  'Holdings overdue': { kind: 'holding', offset: 0, limit: 200, filters: { archived: false, holdingState: 'overdue' } },
  'Agreements by open findings': { kind: 'dsa', offset: 0, limit: 50, filters: { archived: false }, sort: { field: 'openFindings', direction: 'desc' } },
};

async function measure(size: LargeRegisterSize): Promise<{ dashboard: number; cold: number; warm: Record<string, number>; copies: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-lists-'));
  const { context } = createServiceContext({ databasePath: join(dir, 'register.sqlite'), appVersion: 'bench', now: () => new Date(`${LARGE_REGISTER_AS_OF}T10:00:00`) });
  try {
    storeRegister(context.db, generateLargeRegister(size));
    const ask = async (request: Record<string, unknown>) => {
      const result = (await dispatch(handlerTable, context, 'register.list', request)) as { ok: boolean; value?: { total: number }; error?: unknown };
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value!;
    };
    // The Dashboard opens first and computes the findings; the first list after it adds the facts.
    let start = performance.now();
    const overview = await dispatch(handlerTable, context, 'findings.overview', { first: 50 });
    if (!(overview as { ok: boolean }).ok) throw new Error('findings.overview failed');
    const dashboard = performance.now() - start;
    start = performance.now();
    const first = await ask(requests['Copies, first page of 500']!);
    const cold = performance.now() - start;
    const warm: Record<string, number> = {};
    const middle = { kind: 'copy', offset: Math.floor(first.total / 1000) * 500, limit: 500, filters: { archived: false }, sort: { field: 'createdDate', direction: 'desc' } };
    for (const [name, request] of [...Object.entries(requests), ['Copies, the middle page', middle] as const]) {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        start = performance.now();
        await ask(request);
        runs.push(performance.now() - start);
      }
      warm[name] = median(runs);
    }
    return { dashboard, cold, warm, copies: first.total };
  } finally {
    context.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const small = { agreements: issueScale.agreements / 100, holdings: issueScale.holdings / 100, copies: issueScale.copies / 100 };
const smallRun = await measure(small);
const largeRun = await measure(issueScale);
const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
console.log(`register.list in the main process: ${largeRun.copies.toLocaleString('en-GB')} copies vs ${smallRun.copies.toLocaleString('en-GB')} (median of 5, after the first)`);
console.log(`${'the Dashboard’s findings after a change (load and check)'.padEnd(58)} ${ms(largeRun.dashboard)} vs ${ms(smallRun.dashboard)}  ratio ${(largeRun.dashboard / smallRun.dashboard).toFixed(1)}`);
console.log(`${'then the first list (computes the facts)'.padEnd(58)} ${ms(largeRun.cold)} vs ${ms(smallRun.cold)}  ratio ${(largeRun.cold / smallRun.cold).toFixed(1)}`);
for (const name of [...Object.keys(requests), 'Copies, the middle page']) {
  const large = largeRun.warm[name]!;
  const smallMs = smallRun.warm[name]!;
  console.log(`${name.padEnd(58)} ${ms(large)} vs ${ms(smallMs)}  ratio ${(large / smallMs).toFixed(1)}`);
}
