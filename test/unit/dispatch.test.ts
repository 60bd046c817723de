import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../shared/ipc/result';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable, type HandlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import { useTempDir } from '../helpers/temp-dir';

describe('IPC dispatch validates every call against the contract', () => {
  const temp = useTempDir();
  const context = () => createServiceContext({ databasePath: temp.path('d.sqlite'), appVersion: 't' }).context;

  it('runs a valid call and returns its value', async () => {
    const ctx = context();
    expect(await dispatch(handlerTable, ctx, 'settings.update', { displayName: 'Ann' })).toMatchObject({
      ok: true,
      value: { displayName: 'Ann', theme: 'system' },
    });
    expect(await dispatch(handlerTable, ctx, 'settings.get', {})).toMatchObject({ ok: true, value: { displayName: 'Ann' } });
    ctx.db.close();
  });

  it('refuses an unknown method, and a request that breaks its schema, naming the field', async () => {
    const ctx = context();
    expect(await dispatch(handlerTable, ctx, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch(handlerTable, ctx, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = await dispatch(handlerTable, ctx, 'settings.update', { theme: 'purple' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!bad.ok && bad.error.message).toMatch(/^theme: /);
    const extra = await dispatch(handlerTable, ctx, 'settings.update', { isAdmin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch(handlerTable, ctx, 'settings.get', {})).toMatchObject({ value: { displayName: '' } });
    ctx.db.close();
  });

  it('turns a service’s refusal into its message, and a crash into a safe generic one', async () => {
    const ctx = context();
    const refusing: HandlerTable = {
      ...handlerTable,
      'settings.get': () => {
        throw new UserFacingError('REFUSED', 'You may not do that.');
      },
      'app.info': () => {
        throw new Error('secret NHS number 9434765919 in a message');
      },
    };
    expect(await dispatch(refusing, ctx, 'settings.get', {})).toEqual({ ok: false, error: { code: 'REFUSED', message: 'You may not do that.' } });
    const logged: string[] = [];
    const crash = await dispatch(refusing, ctx, 'app.info', {}, (l) => logged.push(l));
    expect(crash).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(crash)).not.toContain('9434765919');
    expect(logged.join()).not.toContain('9434765919');
    ctx.db.close();
  });
});
