import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../../shared/ipc/api';
import { fail } from '../../shared/ipc/result';
import type { ServiceContext } from '../ipc/context';
import { dispatch } from '../ipc/dispatch';
import type { HandlerTable } from '../ipc/handler-table';
import { isTrustedSender } from '../security/ipc-sender';

export function registerIpc(handlers: HandlerTable, context: ServiceContext): void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return fail('FORBIDDEN_SENDER', 'This request did not come from the Custodian window and was refused.');
    }
    return dispatch(handlers, context, method, payload, (line) => console.error(line));
  });
}
