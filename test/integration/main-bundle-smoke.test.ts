import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/ipc/contract';
import { IPC_CHANNEL } from '../../shared/ipc/api';
import { handlerTable } from '../../electron/ipc/handler-table';
import { APP_ORIGIN, APP_SCHEME } from '../../electron/security/app-protocol';
import { useTempDir } from '../helpers/temp-dir';

/**
 * No Electron binary can be fetched on these machines, so the built main process is started here
 * with a stand-in `electron` module that records every call (test/helpers/main-smoke-process.mjs),
 * from the first line of main.cjs to the first window's load and on to quit.
 */
interface Call {
  name: string;
  detail?: unknown;
}
interface SmokeRun {
  calls: Call[];
  methods: Record<string, string>;
  foreignSender?: string;
  registerFile: boolean;
  walBeforeQuit: boolean;
  walAfterQuit: boolean;
  errors: string[];
  crashed?: string;
}

const bundle = resolve('dist-electron/main.cjs');

function startMain(userData: string, scenario = 'normal'): SmokeRun {
  const out = execFileSync(process.execPath, ['test/helpers/main-smoke-process.mjs', bundle, userData, JSON.stringify(apiMethods), scenario], {
    encoding: 'utf8',
    env: { ...process.env, CUSTODIAN_DB: '' },
    timeout: 60_000,
  });
  return JSON.parse(out) as SmokeRun;
}

const indexOf = (run: SmokeRun, name: string, detail?: unknown) =>
  run.calls.findIndex((c) => c.name === name && (detail === undefined || JSON.stringify(c.detail) === JSON.stringify(detail)));

describe('the built main process, started with a stand-in electron', () => {
  const temp = useTempDir();
  beforeAll(() => {
    // The bundle under test is the one `npm start` and packaging use.
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'ignore' });
  }, 120_000);

  it('takes the single-instance lock, declares app:// before ready and serves it before the first load', () => {
    const run = startMain(temp.dir);
    expect(run.crashed).toBeUndefined();
    expect(indexOf(run, 'app.requestSingleInstanceLock')).toBe(0);
    const declared = run.calls.find((c) => c.name === 'protocol.registerSchemesAsPrivileged');
    expect(declared?.detail).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(indexOf(run, 'protocol.registerSchemesAsPrivileged')).toBeLessThan(indexOf(run, 'app.whenReady'));
    const served = indexOf(run, 'protocol.handle', APP_SCHEME);
    const loaded = indexOf(run, 'BrowserWindow.loadURL', `${APP_ORIGIN}/index.html`);
    expect(served).toBeGreaterThan(-1);
    expect(loaded).toBeGreaterThan(served);
  });

  it('creates the window with the hardened preferences and sets the menu', () => {
    const run = startMain(temp.dir);
    const created = run.calls.filter((c) => c.name === 'new BrowserWindow');
    expect(created).toHaveLength(1);
    const options = created[0]!.detail as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(options.webPreferences.preload)).toMatch(/dist-electron[\\/]preload\.cjs$/);
    const menu = run.calls.find((c) => c.name === 'Menu.setApplicationMenu');
    expect(menu?.detail).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'Go', 'View', 'windowMenu', 'help']));
  });

  it('answers every method of the IPC contract on one channel, and refuses another origin', () => {
    // The table the bundle dispatches to has a handler for every method of the contract...
    expect(Object.keys(handlerTable).sort()).toEqual([...apiMethods].sort());
    // ...and in the bundle each method reaches it: none unknown, none failing inside (a missing
    // handler would be an INTERNAL TypeError). Methods whose empty request is refused by its schema
    // (BAD_REQUEST) stop before their handler; the others ran it against the real register.
    const run = startMain(temp.dir);
    expect(Object.values(run.methods).filter((code) => code === 'ok').length).toBeGreaterThan(10);
    expect(run.calls.filter((c) => c.name === 'ipcMain.handle').map((c) => c.detail)).toEqual([IPC_CHANNEL]);
    expect(Object.keys(run.methods).sort()).toEqual([...apiMethods].sort());
    const missing = Object.entries(run.methods).filter(([, code]) => code === 'UNKNOWN_METHOD' || code === 'INTERNAL');
    expect(missing).toEqual([]);
    expect(run.errors.filter((line) => /TypeError/.test(line))).toEqual([]);
    expect(run.foreignSender).toBe('FORBIDDEN_SENDER');
  });

  it('opens the register in the user-data folder and closes it on quit', () => {
    const run = startMain(temp.dir);
    expect(run.registerFile).toBe(true);
    expect(run.walBeforeQuit).toBe(true);
    expect(indexOf(run, 'app.quit')).toBeGreaterThan(-1);
    // Closing the last connection checkpoints the WAL and removes it: the register was closed.
    expect(run.walAfterQuit).toBe(false);
  });

  it('shows a dialog and exits 1 when the SQLite binding cannot load, opening no window', () => {
    const run = startMain(temp.dir, 'broken-sqlite');
    const dialog = run.calls.find((c) => c.name === 'dialog.showErrorBox');
    expect(dialog?.detail).toMatchObject({ title: 'Custodian cannot start' });
    expect((dialog?.detail as { message: string }).message).toMatch(/^Custodian could not load its SQLite database engine/);
    expect(run.calls.find((c) => c.name === 'app.exit')?.detail).toBe(1);
    expect(indexOf(run, 'new BrowserWindow')).toBe(-1);
  });

  it('a second instance quits without opening anything', () => {
    const run = startMain(temp.dir, 'second-instance');
    expect(indexOf(run, 'app.quit')).toBe(1);
    expect(indexOf(run, 'new BrowserWindow')).toBe(-1);
    expect(run.registerFile).toBe(false);
  });
});
