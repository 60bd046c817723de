import { resolve } from 'node:path';
import { UserFacingError } from '../../shared/ipc/result';

/**
 * The files the user has chosen in an open or save dialog (or dropped on the window) during this
 * run. The renderer refers to them by the token handed back, never by a path of its own making, so
 * a compromised page cannot read or write anything the user did not pick.
 */
export class GrantedPaths {
  private readonly byToken = new Map<string, { path: string; mode: 'read' | 'write' }>();

  grant(path: string, mode: 'read' | 'write'): string {
    const token = globalThis.crypto.randomUUID();
    this.byToken.set(token, { path: resolve(path), mode });
    return token;
  }

  /** The path behind a token, if the user granted it for this use. */
  resolve(token: string, mode: 'read' | 'write'): string {
    const entry = this.byToken.get(token);
    if (!entry || entry.mode !== mode) {
      throw new UserFacingError('FORBIDDEN_SENDER', 'That file was not chosen in this session; choose it again.');
    }
    return entry.path;
  }
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Native dialogs as plain functions: Electron's in the app, scripted answers in tests. */
export interface Dialogs {
  chooseFileToOpen(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFileToSave(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
}

export const noDialogs: Dialogs = {
  chooseFileToOpen: async () => null,
  chooseFileToSave: async () => null,
};
