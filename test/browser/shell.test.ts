import { artefactsFolder } from './artefacts-folder';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from '@playwright/test';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { screens } from '../../shared/app/screens';
import { openApp, startBrowser, stopBrowser, type AppUnderTest } from './harness';

const artefacts = artefactsFolder;
mkdirSync(artefacts, { recursive: true });

describe('app shell in Chromium, wired to the real handlers', () => {
  let app: AppUnderTest | null = null;
  beforeAll(startBrowser);
  afterAll(stopBrowser);
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('loads with its navigation and no errors, and a screenshot is kept', async () => {
    app = await openApp();
    const nav = app.page.getByRole('navigation', { name: 'Main' });
    for (const screen of screens) await expect(nav.getByRole('link', { name: screen.label })).toBeVisible();
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
    await app.page.screenshot({ path: join(artefacts, 'app-shell.png') });
    expect(app.errors).toEqual([]);
  });

  it('opens every screen from its navigation link', async () => {
    app = await openApp();
    for (const screen of screens) {
      await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen.label }).click();
      await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(screen.label);
      await expect(app.page.locator('main')).toHaveAttribute('data-screen', screen.id);
      expect(app.page.url()).toContain(`#/${screen.id}`);
    }
    expect(app.errors).toEqual([]);
  });

  it('is operable from the keyboard: Tab to a link, Enter opens it, Ctrl+number jumps', async () => {
    app = await openApp();
    const { page } = app;
    await page.keyboard.press('Tab'); // skip link
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Dashboard' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agreements');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.keyboard.press('Control+9');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await page.keyboard.press('Control+7');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incidents');
  });

  it('saves a setting through the UI that is in SQLite and survives a reload', async () => {
    app = await openApp({ hash: '#/settings' });
    const { page } = app;
    await page.getByLabel('Your display name').fill('Priya Shah (IG lead)');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Settings saved.');

    const reader = new BetterSqlite3(app.databasePath, { readonly: true });
    const rows = reader.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
    reader.close();
    expect(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]))).toMatchObject({
      displayName: 'Priya Shah (IG lead)',
      theme: 'dark',
    });

    await page.reload();
    await expect(page.getByLabel('Your display name')).toHaveValue('Priya Shah (IG lead)');
    await expect(page.getByLabel('Theme')).toHaveValue('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: join(artefacts, 'settings-dark.png') });
  });

  it('shows a field error and saves nothing when a value is invalid', async () => {
    app = await openApp({ hash: '#/settings' });
    const { page } = app;
    await page.getByLabel('Your display name').fill('x'.repeat(150));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Display name must be at most 120 characters')).toBeVisible();
    const count = app.context.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'displayName'").get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('follows the OS dark theme when the setting is "system"', async () => {
    app = await openApp({ colorScheme: 'dark' });
    const background = await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(20, 23, 28)');
    await app.page.screenshot({ path: join(artefacts, 'app-shell-dark.png') });
  });
});
