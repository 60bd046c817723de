import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWindowState, loadWindowState, saveWindowState } from '../../electron/main/window-state';
import { defaultUserDataDir, resolveDatabasePath } from '../../electron/paths';
import { useTempDir } from '../helpers/temp-dir';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  const temp = useTempDir();
  it('is remembered between runs', () => {
    const file = temp.path('w.json');
    saveWindowState(file, { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file, screen)).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });
  it('falls back to the default when the file is missing or damaged', () => {
    expect(loadWindowState(temp.path('none.json'), screen)).toEqual(defaultWindowState);
    writeFileSync(temp.path('bad.json'), '{"width": "huge"');
    expect(loadWindowState(temp.path('bad.json'), screen)).toEqual(defaultWindowState);
  });
  it('does not reopen on a monitor that has gone', () => {
    const file = temp.path('w.json');
    saveWindowState(file, { x: 3000, y: 100, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(file, screen)).toEqual({ width: 1000, height: 700, maximized: false });
  });
});

describe('where the register lives', () => {
  it('prefers --db, then CUSTODIAN_DB, then the user-data folder', () => {
    expect(resolveDatabasePath('/a.sqlite', { CUSTODIAN_DB: '/b.sqlite' }, '/ud')).toBe('/a.sqlite');
    expect(resolveDatabasePath(undefined, { CUSTODIAN_DB: '/b.sqlite' }, '/ud')).toBe('/b.sqlite');
    expect(resolveDatabasePath(undefined, {}, '/ud')).toBe(join('/ud', 'custodian.sqlite'));
  });
  it('matches Electron’s user-data folder per platform', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/home/u/.config' })).toBe('/home/u/.config/Custodian');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toContain('Custodian');
    expect(defaultUserDataDir('darwin', {})).toMatch(/Library[/\\]Application Support[/\\]Custodian$/);
  });
});
