import { join } from 'node:path';
import { expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { POSTGRES_TEST_PASSWORD, startPostgres, type PostgresServer } from '../helpers/postgres-server';
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

  it('says which register it is on, who is signed in, what they may do, and why a change is refused', async () => {
    const app = await apps.open({ hash: '#/agreements', location: server.url(database, 'priya') });
    const { page } = app;
    const badge = page.getByRole('region', { name: 'Which register', exact: true });
    await expect(badge).toContainText('Team register (PostgreSQL)');
    await expect(badge).toContainText(`localhost`);
    await expect(badge).toContainText('Signed in as priya (analyst)');
    await expect(badge).toContainText('You may read the register and record disclosure exports against holdings.');

    await page.getByRole('button', { name: 'New organisation' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Legal name').fill('Leeds Teaching Hospitals NHS Trust');
    await dialog.getByRole('button', { name: 'Add organisation' }).click();
    await expect(dialog).toContainText('your database login "priya" may not change organisations; that needs the IG lead (custodian_ig_lead) role');
    await page.screenshot({ path: join(artefactsFolder, 'team-register-refused.png') });
    app.errors.length = 0; // the refusal is expected; the page logged nothing else
  });

  it('on a file says so, with its path', async () => {
    const app = await apps.open();
    const badge = app.page.getByRole('region', { name: 'Which register', exact: true });
    await expect(badge).toContainText('Register on this computer');
    await expect(badge).toContainText('register.sqlite');
    await app.page.screenshot({ path: join(artefactsFolder, 'register-badge-file.png') });
  });
});
