import { describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../shared/ipc/contract';
import { IPC_CHANNEL } from '../../shared/ipc/api';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke },
}));

describe('the preload', () => {
  it('exposes exactly one function per contract method and nothing else', async () => {
    await import('../../electron/main/preload');
    expect(Object.keys(exposed)).toEqual(['custodian']);
    const api = exposed.custodian as Record<string, (r: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...apiMethods].sort());
    for (const method of apiMethods) {
      await api[method]?.({ probe: method });
      expect(invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, method, { probe: method });
    }
    expect(api).not.toHaveProperty('ipcRenderer');
  });
});
