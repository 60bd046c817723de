import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { runCliCaptured } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('a team register over TLS', () => {
  let server: PostgresServer;
  let database = '';
  beforeAll(async () => {
    server = startPostgres({ tls: true });
    database = await server.createDatabase();
  }, 60_000);
  afterAll(() => server.stop());

  it('connects with the URL’s sslmode and sslrootcert, encrypted, and refuses a server its root certificate does not vouch for', async () => {
    const url = server.tlsUrl(database);
    expect((await runCliCaptured(['init', '--db', url])).code).toBe(0);
    const { db } = openDatabase(url, { create: false });
    try {
      expect(db.prepare('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    const elsewhere = makeTempDir();
    try {
      const stranger = elsewhere.path('other-ca.crt');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=other', '-keyout', elsewhere.path('other.key'), '-out', stranger], { stdio: 'pipe' });
      const refused = await runCliCaptured(['check', '--db', server.tlsUrl(database, 'verify-full', stranger)]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/Cannot connect to postgres:\/\/tester@127\.0\.0\.1:\d+\/register_\d+_\d+\?sslmode=verify-full.*certificate/);
    } finally {
      elsewhere.remove();
    }
  });
});
