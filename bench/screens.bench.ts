/**
 * npm run bench:screens: the register's screens in Chromium against a register the size the issue
 * names (1,000 agreements, 20,000 holdings, 100,000 copies) and one a hundredth of that, wired to
 * the real handlers as the browser tests are. It times what a user waits for (the copies list's
 * first page, turning pages, a search, the dashboard, the destruction worklist) and prints the ratio
 * of the large register to the small one: a list that reads only a page stays near 1 whatever the
 * register's size.
 *
 * Then, without a browser, the main-process time of what issue 11 sets a target for (under a second
 * at 100,000 copies): the dashboard's data from a cold start (the register loaded and checked by
 * the first call), the destruction worklist's first page (after the dashboard, and from a cold
 * start), the rest of the Destruction screen (its overview, and the holdings of the version chosen
 * in the certificate form), and one findings group (the largest), each against the register a
 * hundredth the size; then the overview's size in bytes.
 * A benchmark, not a test. Build the renderer first (npm run build:renderer, or set
 * CUSTODIAN_RENDERER_DIR to your own build).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { dispatch } from '../electron/ipc/dispatch';
import { handlerTable } from '../electron/ipc/handler-table';
import type { ServiceContext } from '../electron/ipc/context';
import { createServiceContext } from '../electron/service-context';
import { apiMethods } from '../shared/ipc/contract';
import { chromiumArgs, findChromium } from '../test/browser/find-chromium';
import { serveRenderer } from '../test/browser/static-server';
import { storeRegister } from '../test/helpers/store-register';
import { generateLargeRegister, issueScale, LARGE_REGISTER_AS_OF, type LargeRegisterSize } from './large-register';

/** Per step: what the user waited for, and how much of it main spent answering (the rest is transport and drawing). */
type Timings = Record<string, { shown: number; main: number }>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

let mainMs = 0;

async function timed(work: () => Promise<unknown>): Promise<{ shown: number; main: number }> {
  mainMs = 0;
  const start = performance.now();
  await work();
  return { shown: performance.now() - start, main: mainMs };
}

const medianOf = (runs: { shown: number; main: number }[]) => ({ shown: median(runs.map((r) => r.shown)), main: median(runs.map((r) => r.main)) });

async function pagerText(page: Page, label: string): Promise<string> {
  return (await page.getByRole('navigation', { name: `${label} pages` }).locator('.pager-status').textContent()) ?? '';
}

async function waitForPagerChange(page: Page, label: string, before: string): Promise<void> {
  await page.waitForFunction(
    ([name, previous]) => {
      const status = document.querySelector(`nav[aria-label="${name} pages"] .pager-status`)?.textContent ?? '';
      return status !== '' && status !== previous;
    },
    [label, before] as const,
  );
}

async function measure(size: LargeRegisterSize, rendererDir: string): Promise<Timings> {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-screens-'));
  const { context } = createServiceContext({ databasePath: join(dir, 'register.sqlite'), appVersion: 'bench', now: () => new Date(`${LARGE_REGISTER_AS_OF}T10:00:00`) });
  storeRegister(context.db, generateLargeRegister(size));
  const server = await serveRenderer(rendererDir);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  const timings: Timings = {};
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.exposeBinding('__custodianInvoke', async (_source, method: unknown, payload: unknown) => {
      const start = performance.now();
      const result = await dispatch(handlerTable, context, method, payload);
      mainMs += performance.now() - start;
      return result;
    });
    await page.addInitScript((methods: string[]) => {
      const invoke = (window as unknown as { __custodianInvoke: (m: string, p: unknown) => Promise<unknown> }).__custodianInvoke;
      (window as unknown as { custodian: unknown }).custodian = Object.fromEntries(methods.map((m) => [m, (request: unknown) => invoke(m, request)]));
    }, apiMethods as string[]);

    timings['Copies list, first page shown'] = await timed(async () => {
      await page.goto(`${server.url}/index.html#/holdings/copy`);
      await page.getByRole('navigation', { name: 'Copies pages' }).locator('.pager-status').waitFor();
    });

    const turns: { shown: number; main: number }[] = [];
    for (let i = 0; i < 7; i++) {
      const before = await pagerText(page, 'Copies');
      turns.push(await timed(async () => {
        // Pages hold 500 copies: the small register has two, so the turns go forward and back.
        await page.getByRole('button', { name: i % 2 === 0 ? 'Next page' : 'Previous page' }).click();
        await waitForPagerChange(page, 'Copies', before);
      }));
    }
    timings['Copies list, next page (median of 7)'] = medianOf(turns);

    const sorts: { shown: number; main: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await page.locator('table[aria-label="Copies"] tbody tr').first().textContent();
      sorts.push(await timed(async () => {
        await page.getByRole('button', { name: /^Made/ }).click();
        await page.waitForFunction((first) => document.querySelector('table[aria-label="Copies"] tbody tr')?.textContent !== first, before);
      }));
    }
    timings['Copies list, sort by date made (median of 3)'] = medianOf(sorts);

    const before = await pagerText(page, 'Copies');
    timings['Copies list, search "organisation 1" (includes the 250 ms typing pause)'] = await timed(async () => {
      await page.getByLabel('Search copies').fill('organisation 1');
      await waitForPagerChange(page, 'Copies', before);
    });

    timings['Dashboard: counts, findings and deadlines shown'] = await timed(async () => {
      await page.goto(`${server.url}/index.html#/dashboard`);
      await page.getByText('Judged on').waitFor();
      await page.locator('table[aria-label="Findings"] tbody tr.finding-row, .ok-note').first().waitFor();
    });

    timings['Destruction: worklist first page shown'] = await timed(async () => {
      await page.goto(`${server.url}/index.html#/destruction`);
      await page.getByRole('navigation', { name: 'Worklist pages' }).locator('.pager-status').waitFor();
    });
  } finally {
    await browser.close();
    await server.close();
    context.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return timings;
}

/** What the Dashboard asks main for when it opens (dashboard-store.ts and FindingsTable.tsx). */
const dashboardCalls: [string, unknown][] = [
  ['dashboard.summary', {}],
  ['findings.overview', { first: 50 }],
  ['deadlines.upcoming', { horizonDays: 365 }],
  ['findings.table', { groupBy: 'code', offset: 0, limit: 25 }],
];

/** Wall-clock and CPU milliseconds (the process's user + system time, which other work on a shared machine inflates less). */
interface MainTime {
  wall: number;
  cpu: number;
}
type MainTimings = Record<string, MainTime>;

const RUNS = 3;

/** The size of the overview's answer as JSON: what crosses IPC before the Destruction screen can draw. */
const overviewBytes: Record<string, number> = {};

/**
 * Main-process time of each target, the median of RUNS runs. "Cold start" opens a new connection
 * first: nothing is cached, so the first call loads and indexes the register as the app does when
 * it opens. The worklist and the findings group are also timed after the dashboard, as a user
 * moving on from it waits for them.
 */
async function measureMain(size: LargeRegisterSize): Promise<MainTimings> {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-main-'));
  const databasePath = join(dir, 'register.sqlite');
  const now = () => new Date(`${LARGE_REGISTER_AS_OF}T10:00:00`);
  const open = () => createServiceContext({ databasePath, appVersion: 'bench', now }).context;
  const first = open();
  storeRegister(first.db, generateLargeRegister(size));
  first.db.close();
  const call = async (context: ServiceContext, method: string, payload: unknown) => {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const result = await dispatch(handlerTable, context, method, payload);
    const wall = performance.now() - start;
    const cpuUsed = process.cpuUsage(cpuBefore);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return { time: { wall, cpu: (cpuUsed.user + cpuUsed.system) / 1000 }, value: result.value };
  };
  const add = (a: MainTime, b: MainTime): MainTime => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });
  const runs: MainTimings[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const timings: MainTimings = {};
      const app = open();
      let dashboard: MainTime = { wall: 0, cpu: 0 };
      let table: { groups: { key: string; count: number }[] } | null = null;
      for (const [method, payload] of dashboardCalls) {
        const { time, value } = await call(app, method, payload);
        dashboard = add(dashboard, time);
        if (method === 'findings.table') table = value as typeof table;
      }
      timings['Dashboard data (counts, findings table, deadlines), cold start'] = dashboard;
      timings['Destruction worklist, first page, after the dashboard'] = (await call(app, 'destruction.worklist', { limit: 25 })).time;
      const overview = await call(app, 'destruction.overview', {});
      timings['Destruction overview (the rest of the screen), after the dashboard'] = overview.time;
      overviewBytes[run === 0 ? 'first' : 'last'] = JSON.stringify(overview.value).length;
      // The certificate form asks for the chosen version's holdings (before, they came with the overview).
      const versionId = (overview.value as { versions: { id: string }[] }).versions[0]!.id;
      timings['Holdings of the version chosen in the certificate form, after the dashboard'] = (await call(app, 'destruction.versionHoldings', { versionId })).time;
      const largest = [...table!.groups].sort((a, b) => b.count - a.count)[0]!;
      timings['One findings group (the largest), first 100 rows, after the dashboard'] = (await call(app, 'findings.table', { groupBy: 'code', groupKey: largest.key, offset: 0, limit: 100 })).time;
      app.db.close();
      const cold = open();
      timings['Destruction worklist, first page, cold start'] = (await call(cold, 'destruction.worklist', { limit: 25 })).time;
      cold.db.close();
      const coldGroup = open();
      timings['One findings group (the largest), first 100 rows, cold start'] = (await call(coldGroup, 'findings.table', { groupBy: 'code', groupKey: largest.key, offset: 0, limit: 100 })).time;
      coldGroup.db.close();
      runs.push(timings);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(
    Object.keys(runs[0]!).map((label) => [label, { wall: median(runs.map((r) => r[label]!.wall)), cpu: median(runs.map((r) => r[label]!.cpu)) }]),
  );
}

const rendererDir = process.env.CUSTODIAN_RENDERER_DIR ?? join(import.meta.dirname, '..', 'dist', 'renderer');
const small: LargeRegisterSize = { agreements: issueScale.agreements / 100, holdings: issueScale.holdings / 100, copies: issueScale.copies / 100 };
const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(9);

// CUSTODIAN_BENCH_MAIN_ONLY=1 skips the browser half (minutes at 100,000 copies) to time main alone.
if (!process.env.CUSTODIAN_BENCH_MAIN_ONLY) {
  const smallTimes = await measure(small, rendererDir);
  const largeTimes = await measure(issueScale, rendererDir);

  console.log(`Register screens in Chromium: ${issueScale.copies.toLocaleString('en-GB')} copies against ${small.copies.toLocaleString('en-GB')}`);
  console.log('"main" is the time the handlers took; the rest is the test transport (Playwright\'s exposeBinding, far slower than');
  console.log("Electron's IPC for large answers) and the page drawing.\n");
  console.log(`${'What the user waits for'.padEnd(70)} ${'small'.padStart(9)} ${'large'.padStart(9)} ${'ratio'.padStart(6)} ${'main, large'.padStart(12)}`);
  for (const [label, large] of Object.entries(largeTimes)) {
    const base = smallTimes[label]!;
    console.log(`${label.padEnd(70)} ${ms(base.shown)} ${ms(large.shown)} ${(large.shown / base.shown).toFixed(2).padStart(6)} ${ms(large.main).padStart(12)}`);
  }
}

const smallMain = await measureMain(small);
const smallOverviewBytes = overviewBytes.last!;
const largeMain = await measureMain(issueScale);
console.log(`\nMain-process time (the handlers alone, median of ${RUNS} runs), ${issueScale.copies.toLocaleString('en-GB')} copies against ${small.copies.toLocaleString('en-GB')}.`);
console.log('Target: under 1,000 ms at the large size. Wall is elapsed time; CPU is the process\'s user + system time, which');
console.log('other work on a shared machine inflates less (it counts every thread of the process, garbage collection included).\n');
console.log(`${'Target'.padEnd(72)} ${'small'.padStart(9)} ${'large'.padStart(9)} ${'ratio'.padStart(6)} ${'CPU, large'.padStart(11)} ${'< 1 s (wall / CPU)'.padStart(19)}`);
for (const [label, large] of Object.entries(largeMain)) {
  const base = smallMain[label]!;
  console.log(`${label.padEnd(72)} ${ms(base.wall)} ${ms(large.wall)} ${(large.wall / base.wall).toFixed(2).padStart(6)} ${ms(large.cpu).padStart(11)} ${`${large.wall < 1000 ? 'yes' : 'NO'} / ${large.cpu < 1000 ? 'yes' : 'NO'}`.padStart(19)}`);
}
console.log(`\nThe Destruction screen's overview as JSON: ${smallOverviewBytes.toLocaleString('en-GB')} bytes small, ${overviewBytes.last!.toLocaleString('en-GB')} bytes large.`);
