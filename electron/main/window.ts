import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from '../security/app-protocol';
import { hardenedWebPreferences } from '../security/window-options';
import { loadWindowState, saveWindowState } from './window-state';

export function createMainWindow(options: { preload: string; stateFile: string; devTools: boolean }): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const state = loadWindowState(options.stateFile, displays);
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Custodian',
    backgroundColor: '#f6f7f9',
    webPreferences: hardenedWebPreferences(options.preload, options.devTools),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    saveWindowState(options.stateFile, { ...bounds, maximized: window.isMaximized() });
  };
  window.on('close', remember);

  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
