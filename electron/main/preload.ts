import { contextBridge, ipcRenderer } from 'electron';
import type { CustodianApi } from '../../shared/ipc/api';
import { IPC_CHANNEL } from '../../shared/ipc/api';
import { apiMethods } from '../../shared/ipc/contract';

/**
 * Exposes one function per contract method and nothing else: the page never sees ipcRenderer, so it
 * can only ask main for what the contract allows, and main validates every request again.
 */
const api = Object.fromEntries(
  apiMethods.map((method) => [method, (request: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, request)]),
) as unknown as CustodianApi;

contextBridge.exposeInMainWorld('custodian', api);
