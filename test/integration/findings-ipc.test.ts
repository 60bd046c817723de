import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { ApiResponse } from '../../shared/ipc/contract';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import { compliantRegister } from '../helpers/compliant-register';
import type { RegisterBuilder } from '../helpers/register-builder';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

describe('IPC findings.list and deadlines.upcoming', () => {
  const temp = useTempDir();

  /** A context over a register holding the builder's records, whose clock reads 10:00 on `today`. */
  function contextWith(builder: RegisterBuilder, today: string) {
    const { context } = createServiceContext({ databasePath: temp.path('r.sqlite'), appVersion: 't', now: () => new Date(`${today}T10:00:00`) });
    storeRegister(context.db, builder.build());
    return context;
  }

  const lapsedIco = () => compliantRegister().update('organisation', 'aws', { icoRenewalDate: '2026-05-31' });

  it('findings.list judges the stored register on today’s date by default, and on asOf when given', async () => {
    const context = contextWith(lapsedIco(), '2026-06-01');
    const today = await dispatch(handlerTable, context, 'findings.list', {});
    expect(today).toMatchObject({ ok: true, value: { asOf: '2026-06-01' } });
    const { findings } = (today.ok ? today.value : null) as ApiResponse<'findings.list'>;
    expect(findings.map((f) => f.id)).toEqual(['ICO_REGISTRATION_EXPIRED:aws']);
    const before = await dispatch(handlerTable, context, 'findings.list', { asOf: '2026-05-31' });
    expect(before).toEqual({ ok: true, value: { asOf: '2026-05-31', total: 0, findings: [] } });
    context.db.close();
  });

  it('deadlines.upcoming lists the dated duties within the horizon', async () => {
    const context = contextWith(compliantRegister(), '2026-06-01');
    const result = await dispatch(handlerTable, context, 'deadlines.upcoming', { horizonDays: 200 });
    const { asOf, deadlines } = (result.ok ? result.value : null) as ApiResponse<'deadlines.upcoming'>;
    expect(asOf).toBe('2026-06-01');
    expect(deadlines.map((d) => [d.date, d.kind, d.record.id])).toEqual([
      ['2026-09-30', 'obligation', 'sc-outputs'],
      ['2026-11-30', 'ico-renewal', 'aws'],
    ]);
    context.db.close();
  });

  it('refuses a malformed date or horizon, naming the field', async () => {
    const context = contextWith(compliantRegister(), '2026-06-01');
    const badDate = await dispatch(handlerTable, context, 'findings.list', { asOf: '2026-02-30' });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!badDate.ok && badDate.error.message).toMatch(/^asOf: /);
    const badHorizon = await dispatch(handlerTable, context, 'deadlines.upcoming', { horizonDays: -1 });
    expect(!badHorizon.ok && badHorizon.error.message).toMatch(/^horizonDays: /);
    context.db.close();
  });
});
