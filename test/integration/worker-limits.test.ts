import { describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { defaultTableOptions } from '../../shared/disclosure/table';
import { runDisclosureInWorker } from '../../electron/disclosure/worker-client';
import { DurImportError } from '../../electron/imports/dur/dur-import-error';
import { readDurInWorker } from '../../electron/imports/dur/dur-worker-client';
import { readDur } from '../../electron/imports/dur/import-dur';
import { sparseWorkbook } from '../helpers/hostile-xlsx';
import { useTempDir } from '../helpers/temp-dir';

const fixture = 'test/fixtures/dur';
/** A ceiling no real job fits under, standing in for a file that would exhaust the real one. */
const tiny = { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 };

describe('work on untrusted files runs in worker threads with a memory ceiling', () => {
  const temp = useTempDir();

  it('the app reads the Data Uses Register in a worker, with the same result as reading it in place', async () => {
    expect(await readDurInWorker({ paths: [fixture], filter: {} })).toEqual(await readDur([fixture]));
  });

  it('a problem in the file comes back from the worker as the one-line DurImportError', async () => {
    const file = temp.path('sparse.xlsx');
    await sparseWorkbook(file);
    const failure = await readDurInWorker({ paths: [file], filter: {} }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DurImportError);
    expect((failure as Error).message).toMatch(/^sparse\.xlsx: sheet "Agreements" declares the range A1:XFD1048576/);
  });

  it('a DUR read that outgrows the ceiling ends its thread with a message; this process carries on', async () => {
    const failure = await readDurInWorker({ paths: [`${fixture}/data-uses-register-sample.xlsx`], filter: {} }, tiny).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DurImportError);
    expect((failure as Error).message).toBe(
      'data-uses-register-sample.xlsx: needs more than the 4 MB of memory an import may use; it is not an ordinary Data Uses Register',
    );
    expect(process.memoryUsage().rss).toBeGreaterThan(0);
  });

  it('a disclosure that outgrows the ceiling fails as bad input with a message, not a dead app', async () => {
    const rows = ['area,count', ...Array.from({ length: 20_000 }, (_, i) => `Area ${i},${i % 50}`)].join('\n');
    const running = runDisclosureInWorker(
      {
        input: { kind: 'bytes', name: 'big.csv', bytes: new TextEncoder().encode(rows) },
        profile: findBuiltinProfile('threshold-10')!,
        tableOptions: defaultTableOptions,
        output: null,
        reportPath: null,
        previewRows: 10,
        toolVersion: 'test',
      },
      () => {},
      tiny,
    );
    const failure = await running.result.catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'input', message: 'the table needs more than the 4 MB of memory a disclosure may use; split it into smaller tables' });
  });
});
