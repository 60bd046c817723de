import { expect } from '@playwright/test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { join } from 'node:path';
import { apiMethods } from '../../shared/ipc/contract';
import type { Dialogs } from '../../electron/files/granted-paths';
import type { ServiceContext } from '../../electron/ipc/context';
import type { RegisterLocationKeeper } from '../../electron/files/register-location-keeper';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import { makeTempDir } from '../helpers/temp-dir';
import { chromiumArgs, findChromium } from './find-chromium';
import { serveRenderer } from './static-server';

export interface AppUnderTest {
  page: Page;
  context: ServiceContext;
  databasePath: string;
  baseUrl: string;
  errors: string[];
  close: () => Promise<void>;
}

let browser: Browser | null = null;
let server: Awaited<ReturnType<typeof serveRenderer>> | null = null;

export async function startBrowser(): Promise<void> {
  // CUSTODIAN_RENDERER_DIR lets parallel work build the UI to its own folder.
  server = await serveRenderer(process.env.CUSTODIAN_RENDERER_DIR ?? join(import.meta.dirname, '..', '..', 'dist', 'renderer'));
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}

export async function stopBrowser(): Promise<void> {
  await browser?.close();
  await server?.close();
  browser = null;
  server = null;
}

/**
 * Opens the app in a fresh page with its own temporary register. `window.custodian` is wired to the
 * real handler table through exposeBinding: the same dispatch that Electron's ipcMain runs.
 */
export interface OpenAppOptions {
  hash?: string;
  colorScheme?: 'light' | 'dark';
  /** Scripted answers for the open and save dialogs. */
  dialogs?: Dialogs;
  now?: () => Date;
  /** Open this register (a file or a postgres:// URL) instead of a new file. */
  location?: string;
  /** Where Settings keeps the register location (the desktop app's is in its user-data folder). */
  registerLocations?: RegisterLocationKeeper;
}

export async function openApp(options: OpenAppOptions = {}): Promise<AppUnderTest> {
  if (!browser || !server) throw new Error('startBrowser() first');
  const temp = makeTempDir('custodian-browser-');
  const databasePath = options.location ?? temp.path('register.sqlite');
  const { context } = createServiceContext({
    databasePath,
    appVersion: '0.0.0-test',
    ...(options.dialogs ? { dialogs: options.dialogs } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.registerLocations ? { registerLocations: options.registerLocations } : {}),
  });
  const browserContext: BrowserContext = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
  });
  const page = await browserContext.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.exposeBinding('__custodianInvoke', (_source, method: unknown, payload: unknown) =>
    dispatch(handlerTable, context, method, payload),
  );
  await page.addInitScript((methods: string[]) => {
    const invoke = (window as unknown as { __custodianInvoke: (m: string, p: unknown) => Promise<unknown> })
      .__custodianInvoke;
    (window as unknown as { custodian: unknown }).custodian = Object.fromEntries(
      methods.map((m) => [m, (request: unknown) => invoke(m, request)]),
    );
  }, apiMethods as string[]);
  await page.goto(`${server.url}/index.html${options.hash ?? ''}`);
  // The shell is ready for input once React has rendered the screen's heading.
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return {
    page,
    context,
    databasePath,
    baseUrl: server.url,
    errors,
    close: async () => {
      await browserContext.close();
      context.db.close();
      temp.remove();
    },
  };
}

/**
 * For a describe block whose tests each open the app: starts Chromium once for the block, and after
 * each test closes the app it opened and fails the test if the page logged an error.
 */
export function appPerTest(): { open: (options?: OpenAppOptions) => Promise<AppUnderTest>; track: (app: AppUnderTest) => AppUnderTest } {
  let current: AppUnderTest | null = null;
  beforeAll(startBrowser);
  afterAll(stopBrowser);
  afterEach(async () => {
    const app = current;
    current = null;
    if (!app) return;
    const errors = [...app.errors];
    await app.close();
    expect(errors).toEqual([]);
  });
  const track = (app: AppUnderTest) => (current = app);
  return { open: async (options) => track(await openApp(options)), track };
}
