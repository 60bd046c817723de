import { join } from 'node:path';
import { expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { POSTGRES_TEST_PASSWORD, startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { readFileSync } from 'node:fs';
import { registerLocationFile } from '../../electron/files/register-location-keeper';
import { makeTempDir } from '../helpers/temp-dir';
import { artefactsFolder } from './artefacts-folder';
import { appPerTest } from './harness';

describe('the app on a team register in PostgreSQL', () => {
  const apps = appPerTest();
  let server: PostgresServer;
  let database = '';
  beforeAll(async () => {
    server = startPostgres();
    database = await server.createDatabase();
    openDatabase(server.url(database), { create: true }).db.close();
    await server.admin(`CREATE ROLE priya LOGIN PASSWORD '${POSTGRES_TEST_PASSWORD}' IN ROLE custodian_analyst`);
  }, 60_000);
  afterAll(() => server.stop());

  it('says which register it is on, who is signed in, what they may do, and why a change is not offered', async () => {
    const app = await apps.open({ hash: '#/agreements', location: server.url(database, 'priya') });
    const { page } = app;
    const badge = page.getByRole('region', { name: 'Which register', exact: true });
    await expect(badge).toContainText('Team register (PostgreSQL)');
    await expect(badge).toContainText(`localhost`);
    await expect(badge).toContainText('Signed in as priya (analyst)');
    await expect(badge).toContainText('You may read the register and record disclosure exports against holdings.');

    // What the role does not allow is not offered…
    const newOrganisation = page.getByRole('button', { name: 'New organisation' });
    await expect(newOrganisation).toBeDisabled();
    await expect(newOrganisation).toHaveAttribute('title', 'Your role in this team register does not allow this: it needs the IG lead role.');
    await page.screenshot({ path: join(artefactsFolder, 'team-register-analyst.png') });

    // …on other screens too (the database's own refusal, should it come, is worded by electron/db/postgres/postgres-roles.ts).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const save = page.getByRole('button', { name: 'Save settings' });
    await expect(save).toBeDisabled();
    await expect(save).toHaveAttribute('title', 'Your role in this team register does not allow this: it needs the IG lead role.');
    await page.screenshot({ path: join(artefactsFolder, 'team-register-refused.png') });
  });

  it('on a file says so, with its path', async () => {
    const app = await apps.open();
    const badge = app.page.getByRole('region', { name: 'Which register', exact: true });
    await expect(badge).toContainText('Register on this computer');
    await expect(badge).toContainText('register.sqlite');
    await app.page.screenshot({ path: join(artefactsFolder, 'register-badge-file.png') });
  });

  it('Settings keeps a register location for the next start, its password sealed by the keychain and never in the URL', async () => {
    const folder = makeTempDir('custodian-location-');
    // A stand-in for safeStorage: reversible, but nothing like the password on disk.
    const sealer = { available: () => true, encrypt: (text: string) => Buffer.from(Buffer.from(text).map((b) => b ^ 0x5a)), decrypt: (sealed: Buffer) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString() };
    const keeper = registerLocationFile(folder.dir, sealer, false);
    try {
      const app = await apps.open({ hash: '#/settings', registerLocations: keeper });
      const { page } = app;
      const section = page.getByRole('region', { name: 'Register location' });
      await expect(section).toContainText('Open now: the file');
      const field = section.getByLabel('SQLite file or PostgreSQL URL');
      await field.fill(server.url(database, 'priya').replace('priya@', `priya:${POSTGRES_TEST_PASSWORD}@`));
      await section.getByRole('button', { name: 'Save register location' }).click();
      await expect(section).toContainText('must not contain the password: type it in the password field');
      await field.fill(server.url(database, 'priya'));
      await section.getByLabel('Password').fill(POSTGRES_TEST_PASSWORD);
      await section.getByRole('button', { name: 'Save register location' }).click();
      await expect(section.getByRole('status')).toHaveText('Saved. Restart Custodian to open it.');
      await page.screenshot({ path: join(artefactsFolder, 'settings-register-location.png'), fullPage: true });
      expect(readFileSync(join(folder.dir, 'register-location.json'), 'utf8')).not.toContain(POSTGRES_TEST_PASSWORD);
      expect(keeper.open()).toEqual({ location: server.url(database, 'priya'), password: POSTGRES_TEST_PASSWORD });

      await field.fill(server.url('no_such_database', 'priya'));
      await section.getByRole('button', { name: 'Save register location' }).click();
      await expect(section).toContainText('database "no_such_database" does not exist');
      expect(keeper.read()?.location).toBe(server.url(database, 'priya'));
      app.errors.length = 0;
    } finally {
      folder.remove();
    }
  });
});
