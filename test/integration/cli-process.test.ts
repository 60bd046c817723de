import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLargeRegister } from '../../bench/large-register';
import { openDatabase } from '../../electron/db/open-database';
import { commandTable } from '../../electron/cli/command-table';
import { createProgram } from '../../electron/cli/main';
import { CliRuntime } from '../../electron/cli/runtime';
import { runCliCaptured } from '../helpers/run-cli';
import { buildCli, custodianBin, repositoryRoot, spawnCli } from '../helpers/spawn-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/** `custodian` as a user starts it: bin/custodian.mjs running the compiled CLI in dist-cli/. */
describe('the custodian process', () => {
  const temp = useTempDir();
  beforeAll(() => buildCli(), 60_000);

  /** A register with many findings, so `custodian findings` prints far more than a pipe holds. */
  function registerWithFindings(): string {
    const db = temp.path('register.sqlite');
    const opened = openDatabase(db, { create: true });
    storeRegister(opened.db, generateLargeRegister({ agreements: 60, holdings: 240, copies: 600 }));
    opened.db.close();
    return db;
  }

  it('runs the compiled CLI: --help lists the commands and exits 0 with nothing on stderr', async () => {
    const run = await spawnCli(['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: custodian/);
    expect(run.stdout).toMatch(/^ {2}findings +list the register’s compliance findings/m);
  });

  it('prints no stack trace when the reader of its output has gone (EPIPE), and keeps its exit code', async () => {
    const db = registerWithFindings();
    // The reader closes the pipe before the CLI writes a byte: every write meets EPIPE.
    const closed = await spawnCli(['findings', '--db', db, '--as-of', '2025-06-01'], { started: (child) => child.stdout!.destroy() });
    expect(closed.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    // Exit 1 is findings' own answer (high findings), as it would be with a reader.
    expect(closed.code).toBe(1);
    expect(closed.stderr).toMatch(/^custodian: \d+ high-severity findings: act on them first\n$/);
  });

  it('`custodian findings | head -1` prints one line and no stack trace', async () => {
    const db = registerWithFindings();
    const shell = spawnSync('bash', ['-c', `"${process.execPath}" "${custodianBin}" findings --db "${db}" --as-of 2025-06-01 --json | head -1; echo "exit \${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
    });
    expect(shell.stdout).toBe('{\n');
    expect(shell.stderr).toMatch(/^(custodian: .*\n)?exit 1\n$/);
  });

  it('--help loads no library and no command; findings loads SQLite but no PDF, spreadsheet or solver library', async () => {
    const db = registerWithFindings();
    const loads = (log: string) => readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const tracing = (log: string) => ({ nodeArgs: ['--import', join(repositoryRoot, 'test', 'helpers', 'record-module-loads.mjs')], env: { CUSTODIAN_LOAD_LOG: log } });

    const helpLog = temp.path('help.log');
    expect((await spawnCli(['--help'], tracing(helpLog))).code).toBe(0);
    const help = loads(helpLog);
    expect(help.some((url) => url.endsWith('/dist-cli/custodian.mjs'))).toBe(true);
    expect(help.filter((url) => url.includes('/node_modules/') || url.includes('-command-'))).toEqual([]);

    const findingsLog = temp.path('findings.log');
    expect((await spawnCli(['findings', '--db', db], tracing(findingsLog))).code).toBe(1);
    const findings = loads(findingsLog);
    expect(findings.some((url) => url.includes('/node_modules/better-sqlite3/'))).toBe(true);
    expect(findings.filter((url) => /\/node_modules\/(exceljs|pdfkit|pdf-lib|highs|qrcode|csv-parse|iconv-lite)\//.test(url))).toEqual([]);

    // The same trace does see a library when a command needs it.
    const exportLog = temp.path('export.log');
    expect((await spawnCli(['export', 'findings', temp.path('f.xlsx'), '--db', db], tracing(exportLog))).code).toBe(0);
    expect(loads(exportLog).some((url) => url.includes('/node_modules/exceljs/'))).toBe(true);
  });

  it('Ctrl-C while it waits for input: one line and exit 130, no stack trace', async () => {
    // `--json -` waits for standard input, which this test never closes.
    const run = await spawnCli(['add', 'location', '--json', '-', '--db', temp.path('r.sqlite')], {
      started: (child) => setTimeout(() => child.kill('SIGINT'), 1500),
    });
    expect(run).toMatchObject({ code: 130, stdout: '', stderr: '\ncustodian: interrupted (SIGINT); nothing more was written\n' });
  });

  it('says so and runs from the sources when dist-cli/ has not been built', async () => {
    // A checkout without dist-cli/: the same bin file, beside the sources and node_modules.
    const checkout = temp.path('checkout');
    mkdirSync(join(checkout, 'bin'), { recursive: true });
    copyFileSync(custodianBin, join(checkout, 'bin', 'custodian.mjs'));
    for (const name of ['electron', 'shared', 'node_modules', 'package.json', 'tsconfig.json']) symlinkSync(join(repositoryRoot, name), join(checkout, name));
    const run = await spawnCli(['profiles'], { bin: join(checkout, 'bin', 'custodian.mjs') });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('custodian: note: the compiled CLI (dist-cli/) is missing, so this runs from the sources, more slowly; "npm run build:cli" compiles it (npm ci does).\n');
    expect(run.stdout).toContain('nhs-secondary-care');
  });

  it('lists every command in --help, in one order, with the description its own module gives it', async () => {
    // --help defines only names and descriptions from the command table; the modules define the rest.
    const runtime = new CliRuntime({ stdout: () => {}, stderr: () => {}, env: {} });
    const lazy = await createProgram(runtime, undefined, false);
    const full = await createProgram(runtime, undefined, true);
    const described = (program: Command) => program.commands.map((c) => [c.name(), c.description()]);
    expect(described(lazy)).toEqual(described(full));
    expect(described(lazy).map(([name]) => name)).toEqual(commandTable.map((entry) => entry.name));
    expect((await runCliCaptured(['--help'])).stdout).toMatch(/^ {2}incident +incidents and breaches/m);
  });
});
