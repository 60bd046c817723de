import { expect } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterEach, describe, it } from 'vitest';
import { screens } from '../../shared/app/screens';
import { makeTempDir } from '../helpers/temp-dir';

// Run through `npm run test:electron`, which finds the binary or skips.
const binary = process.env.CUSTODIAN_ELECTRON_BINARY;
const root = join(import.meta.dirname, '..', '..');

describe.skipIf(!binary)('the packaged shell in real Electron', () => {
  let app: ElectronApplication | null = null;
  const temp = makeTempDir('custodian-electron-');
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  const launch = async (name: string) =>
    electron.launch({
      executablePath: binary,
      args: [root, '--no-sandbox'],
      env: { ...process.env, CUSTODIAN_DB: temp.path(name), ELECTRON_ENABLE_LOGGING: '0' },
    });

  it('opens a hardened window on app:// and every screen from the navigation', async () => {
    app = await launch('shell.sqlite');
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/custodian\//);
    const nodeVisible = await page.evaluate(() => typeof (globalThis as { require?: unknown }).require);
    expect(nodeVisible).toBe('undefined');
    for (const screen of screens) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen.label }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.label);
    }
    const opened = await page.evaluate(() => window.open('https://example.org'));
    expect(opened).toBeNull();
  });

  it('saves a setting to SQLite that survives a restart', async () => {
    app = await launch('settings.sqlite');
    let page = await app.firstWindow();
    await page.goto('app://custodian/index.html#/settings');
    await page.getByLabel('Your display name').fill('Electron User');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Settings saved.');
    await app.close();
    const reader = new BetterSqlite3(temp.path('settings.sqlite'), { readonly: true });
    expect(reader.prepare("SELECT value FROM settings WHERE key = 'displayName'").get()).toEqual({ value: '"Electron User"' });
    reader.close();
    app = await launch('settings.sqlite');
    page = await app.firstWindow();
    await page.goto('app://custodian/index.html#/settings');
    await expect(page.getByLabel('Your display name')).toHaveValue('Electron User');
  });
});
