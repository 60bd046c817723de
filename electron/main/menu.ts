import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { screens } from '../../shared/app/screens';

/** The native menu: the usual roles and accelerators, plus Go to… for each screen (Ctrl/Cmd+1…9). */
export function installApplicationMenu(goTo: (screenId: string) => void): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: screens.map((screen) => ({
        label: screen.label,
        accelerator: `CmdOrCtrl+${screen.shortcut}`,
        click: () => goTo(screen.id),
      })),
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `Custodian ${app.getVersion()}`, enabled: false }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
