import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import { generateLargeRegister, LARGE_REGISTER_AS_OF } from '../../bench/large-register';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
}
interface Overview {
  copies: Page<{ copy: { id: string } }>;
  versions: Record<string, unknown>[];
  certificates: Page<{ id: string }>;
}

/**
 * The Destruction screen at a register with thousands of recorded copies and certificates: the
 * overview sends a page of each and the versions by name, and the certificate form asks for one
 * version's holdings. What is expected is worked out here from the register itself.
 */
describe('the Destruction screen sends pages, not the whole register', () => {
  const temp = useTempDir('custodian-destruction-pages-');
  // 30,000 copies, a third of the size, enough for several pages of each list.
  const register = generateLargeRegister({ agreements: 300, holdings: 6000, copies: 30_000 });

  function app() {
    const { context } = createServiceContext({ databasePath: temp.path('register.sqlite'), appVersion: 'test', now: () => new Date(`${LARGE_REGISTER_AS_OF}T10:00:00`) });
    storeRegister(context.db, register);
    const call = async (method: string, payload: unknown) => dispatch(handlerTable, context, method, payload);
    const ask = async (method: string, payload: unknown) => {
      const result = await call(method, payload);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    };
    return { context, call, ask };
  }

  it('lists every destroyed copy not yet certified once across its pages, and every certificate, 50 at a time', async () => {
    const { context, ask } = app();
    const certified = new Set(register.certificates.filter((c) => !c.archived).flatMap((c) => c.holdingIds));
    const expectedCopies = register.copies.filter((c) => c.destroyedDate !== null && !certified.has(c.holdingId)).map((c) => c.id);
    const expectedCertificates = register.certificates.filter((c) => !c.archived).map((c) => c.id);
    expect(expectedCopies.length).toBeGreaterThan(100);
    expect(expectedCertificates.length).toBeGreaterThan(100);

    const seenCopies: string[] = [];
    const seenCertificates: string[] = [];
    for (let offset = 0; offset < Math.max(expectedCopies.length, expectedCertificates.length); offset += 50) {
      const page = (await ask('destruction.overview', { copiesOffset: offset, certificatesOffset: offset })) as Overview;
      expect(page.copies.total).toBe(expectedCopies.length);
      expect(page.certificates.total).toBe(expectedCertificates.length);
      expect(page.copies.rows.length).toBe(Math.max(0, Math.min(50, expectedCopies.length - offset)));
      expect(page.certificates.rows.length).toBe(Math.max(0, Math.min(50, expectedCertificates.length - offset)));
      seenCopies.push(...page.copies.rows.map((r) => r.copy.id));
      seenCertificates.push(...page.certificates.rows.map((r) => r.id));
    }
    expect(seenCopies.toSorted()).toEqual(expectedCopies.toSorted());
    expect(seenCertificates.toSorted()).toEqual(expectedCertificates.toSorted());
    context.db.close();
  });

  it('names the versions with holdings without their holdings, and gives a chosen version its holdings', async () => {
    const { context, ask } = app();
    const overview = (await ask('destruction.overview', {})) as Overview;
    const withHoldings = new Set(register.holdings.filter((h) => !h.archived).map((h) => h.versionId));
    expect(overview.versions.map((v) => v.id).toSorted()).toEqual([...withHoldings].toSorted());
    expect(overview.versions.every((v) => Object.keys(v).toSorted().join() === 'id,label')).toBe(true);

    const version = overview.versions[0]!.id as string;
    const { holdings } = (await ask('destruction.versionHoldings', { versionId: version })) as { holdings: { id: string; kind: string }[] };
    expect(holdings.map((h) => h.id).toSorted()).toEqual(register.holdings.filter((h) => h.versionId === version && !h.archived).map((h) => h.id).toSorted());
    expect(holdings.every((h) => h.kind === 'holding')).toBe(true);
    context.db.close();
  });

  it('refuses an unknown version and a negative page with a message naming what was wrong', async () => {
    const { context, call } = app();
    expect(await call('destruction.versionHoldings', { versionId: 'version-gone' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('version-gone') } });
    expect(await call('destruction.versionHoldings', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('versionId') } });
    expect(await call('destruction.overview', { copiesOffset: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('copiesOffset') } });
    context.db.close();
  });
});
