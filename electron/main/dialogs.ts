import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../files/granted-paths';

/** Electron's native open and save dialogs, attached to the main window. */
export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async chooseFileToOpen({ title, filters }) {
      const window = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave({ title, defaultName, filters }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultName, filters };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
