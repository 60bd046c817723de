import { app, dialog, safeStorage, shell, type BrowserWindow } from 'electron';
import { registerLocationFile, type SecretSealer } from '../files/register-location-keeper';
import { join } from 'node:path';
import { checkSqliteBinding } from '../db/check-binding';
import { DatabaseOpenError } from '../db/database-error';
import { handlerTable } from '../ipc/handler-table';
import { resolveDatabasePath } from '../paths';
import { APP_ORIGIN } from '../security/app-protocol';
import { isSafeExternalUrl } from '../security/external-links';
import { guardWebContents } from '../security/web-contents-guard';
import { createServiceContext } from '../service-context';
import { electronDialogs } from './dialogs';
import { registerIpc } from './ipc-register';
import { installApplicationMenu } from './menu';
import { startDestructionReminders } from './notifications';
import { declareAppScheme, serveAppProtocol } from './protocol';
import { createMainWindow } from './window';

// Compiled to dist-electron/main.cjs; the renderer is built to dist/renderer.
const rendererRoot = join(__dirname, '..', 'dist', 'renderer');
const preload = join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;

async function openExternalChecked(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** The OS keychain, through Electron's safeStorage, for a team register's password. */
const keychain: SecretSealer = {
  available: () => safeStorage.isEncryptionAvailable(),
  encrypt: (text) => safeStorage.encryptString(text),
  decrypt: (sealed) => safeStorage.decryptString(sealed),
};

function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function start(): void {
  const binding = checkSqliteBinding();
  if (!binding.ok) return fatal('Custodian cannot start', binding.message);

  // CUSTODIAN_DB wins, then the location saved in Settings (its password from the OS keychain),
  // then the register file in the user-data folder.
  const registerLocations = registerLocationFile(app.getPath('userData'), keychain, Boolean(process.env.CUSTODIAN_DB));
  let context;
  try {
    const saved = registerLocations.fromEnvironment ? null : registerLocations.open();
    const databasePath = saved?.location ?? resolveDatabasePath(undefined, process.env, app.getPath('userData'));
    ({ context } = createServiceContext({
      databasePath,
      password: saved?.password ?? null,
      registerLocations,
      appVersion: app.getVersion(),
      openExternal: openExternalChecked,
      dialogs: electronDialogs(() => mainWindow),
      dataDir: app.getPath('userData'),
    }));
  } catch (error) {
    if (error instanceof DatabaseOpenError) return fatal('Custodian cannot open the register', error.message);
    throw error;
  }

  serveAppProtocol(rendererRoot);
  registerIpc(handlerTable, context);
  const stopReminders = startDestructionReminders(context, () => {
    mainWindow?.show();
    void mainWindow?.webContents.executeJavaScript(`location.hash = '#/destruction'`);
  });
  installApplicationMenu((screenId) => {
    void mainWindow?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(`#/${screenId}`)}`);
  });
  mainWindow = createMainWindow({
    preload,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    devTools: !app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('before-quit', () => {
    stopReminders();
    context.db.close();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  declareAppScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      isAppUrl: (url) => url.startsWith(`${APP_ORIGIN}/`),
      onExternalLink: (url) => void openExternalChecked(url),
    });
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
