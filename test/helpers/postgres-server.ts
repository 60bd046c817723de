import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL server of its own for a test file: `initdb` in a temporary folder, `pg_ctl start`
 * listening only on a unix socket in that folder (so parallel test files never meet), stopped and
 * deleted by `stop()`. Logins need a password, which clients read from the PGPASSFILE it writes
 * (and puts in this process's environment, so child processes find it too). initdb refuses to run as root, so as root the folder belongs to the
 * `postgres` system user and the server's programs run through `runuser -u postgres --`.
 */
export interface PostgresServer {
  /** A URL for a database on this server, as the superuser (or another login). */
  url(database: string, user?: string): string;
  /** A URL over TCP and TLS (a server started with `tls`), trusting `rootCertificate` (default: the server's own). */
  tlsUrl(database: string, sslmode?: string, rootCertificate?: string): string;
  /** The server's folder (its certificate is `server.crt` there). */
  dir: string;
  /** Runs SQL as the superuser in the given database. */
  admin(sql: string, database?: string): Promise<pg.QueryResult>;
  /** A new empty database; `template` copies another (a migrated register) in milliseconds. */
  createDatabase(template?: string): Promise<string>;
  stop(): void;
}

/**
 * The superuser the tests connect as. It is named as the tests' actor (register-seed's `tester`):
 * a PostgreSQL register records the database login in the audit log, so the same tests expect the
 * same name from both stores. Tests of roles log in under other names.
 */
export const POSTGRES_SUPERUSER = 'tester';

/**
 * Every login on the test server has this password, and the server asks for it (scram-sha-256):
 * clients find it in the PGPASSFILE the server writes, as a team's members would, never in a URL.
 */
export const POSTGRES_TEST_PASSWORD = 'custodian-test-password';

/** The folder with initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

let databaseCounter = 0;

export interface PostgresServerOptions {
  /**
   * Also listen on 127.0.0.1 with TLS, under a self-signed certificate (`certificate` in the
   * server's folder is the file a client trusts: `sslrootcert`). TLS is for TCP; the socket stays plain.
   */
  tls?: boolean;
}

export function startPostgres(options: PostgresServerOptions = {}): PostgresServer {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (initdb and pg_ctl are needed); .ci/run does this.');
  const dir = mkdtempSync(join(tmpdir(), 'custodian-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const run = (program: string, args: string[]) => {
    const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  const port = 20000 + (process.pid % 20000);
  const pwfile = join(dir, 'initial-password');
  writeFileSync(pwfile, `${POSTGRES_TEST_PASSWORD}\n`, { mode: 0o644 });
  run('initdb', ['-D', data, '-U', POSTGRES_SUPERUSER, '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  rmSync(pwfile);
  const passfile = join(dir, 'pgpass');
  writeFileSync(passfile, `*:*:*:*:${POSTGRES_TEST_PASSWORD}\n`, { mode: 0o600 });
  process.env.PGPASSFILE = passfile;
  let listen = "-c listen_addresses=''";
  if (options.tls) {
    const [crt, key] = [join(dir, 'server.crt'), join(dir, 'server.key')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', crt], { stdio: 'pipe' });
    if (asRoot) {
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
      chownSync(key, uid!, gid!);
      chownSync(crt, uid!, gid!);
    }
    chmodSync(key, 0o600);
    listen = `-c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=${crt} -c ssl_key_file=${key}`;
  }
  try {
    run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} ${listen} -c fsync=off -c max_connections=60 -c shared_buffers=16MB`, 'start']);
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  const url = (database: string, user = POSTGRES_SUPERUSER) => `postgres://${user}@localhost:${port}/${database}?host=${encodeURIComponent(dir)}`;
  const admin = async (sql: string, database = 'postgres') => {
    const client = new pg.Client({ connectionString: url(database).replace('@', `:${POSTGRES_TEST_PASSWORD}@`) });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    url,
    tlsUrl: (database: string, sslmode = 'verify-full', rootCertificate = join(dir, 'server.crt')) =>
      `postgres://${POSTGRES_SUPERUSER}@127.0.0.1:${port}/${database}?sslmode=${sslmode}&sslrootcert=${encodeURIComponent(rootCertificate)}`,
    dir,
    admin,
    async createDatabase(template = 'template0') {
      const name = `register_${process.pid}_${++databaseCounter}`;
      await admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return name;
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
