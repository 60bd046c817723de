// Run by test/integration/main-bundle-smoke.test.ts in its own process: loads the built main
// bundle (dist-electron/main.cjs) with a stand-in `electron` module that records every call, drives
// it from start to the first window's load and on to quit, and prints the record as JSON.
// Plain JavaScript on purpose: it requires the bundle as Electron would, with no TypeScript loader.
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';

const [bundle, userData, methodsJson, scenario] = process.argv.slice(2);
const methods = JSON.parse(methodsJson);
const calls = [];
const record = (name, detail) => calls.push(detail === undefined ? { name } : { name, detail });
const listeners = {};
const emit = (event, ...args) => (listeners[event] || []).forEach((fn) => fn(...args));
let resolveReady;
const ready = new Promise((resolve) => (resolveReady = resolve));
let ipcHandler = null;
const errors = [];
console.error = (...args) => errors.push(args.join(' '));

class FakeEmitter {
  constructor() {
    this.handlers = {};
  }
  on(event, fn) {
    (this.handlers[event] = this.handlers[event] || []).push(fn);
    return this;
  }
  once(event, fn) {
    return this.on(event, fn);
  }
}

class BrowserWindow extends FakeEmitter {
  constructor(options) {
    super();
    record('new BrowserWindow', options);
    this.webContents = { executeJavaScript: async () => undefined };
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', url);
    return Promise.resolve();
  }
  maximize() {}
  show() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
  isMaximized() {
    return false;
  }
}

const electron = {
  app: {
    isPackaged: false,
    requestSingleInstanceLock: () => (record('app.requestSingleInstanceLock'), scenario !== 'second-instance'),
    quit: () => {
      record('app.quit');
      emit('before-quit');
    },
    exit: (code) => record('app.exit', code),
    on: (event, fn) => {
      record('app.on', event);
      (listeners[event] = listeners[event] || []).push(fn);
    },
    whenReady: () => (record('app.whenReady'), ready),
    getPath: () => userData,
    getVersion: () => '0.1.0-smoke',
  },
  dialog: {
    showErrorBox: (title, message) => record('dialog.showErrorBox', { title, message }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
  },
  shell: { openExternal: async (url) => record('shell.openExternal', url) },
  safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes),
    handle: (scheme) => record('protocol.handle', scheme),
  },
  net: { fetch: async () => new Response('') },
  BrowserWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  ipcMain: {
    handle: (channel, fn) => {
      record('ipcMain.handle', channel);
      ipcHandler = fn;
    },
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu: (menu) => record('Menu.setApplicationMenu', menu.template.map((item) => item.label || item.role)),
  },
  Notification: class {
    static isSupported() {
      return false;
    }
  },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'electron') return electron;
  // The packaging mistake the start-up check exists for: a binding that loads but cannot open.
  if (request === 'better-sqlite3' && scenario === 'broken-sqlite') {
    return function BrokenDatabase() {
      throw new Error('better_sqlite3.node: wrong ELF class');
    };
  }
  return load.call(this, request, ...rest);
};

(async () => {
  createRequire(import.meta.url)(bundle);
  resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const result = { calls, methods: {}, registerFile: existsSync(join(userData, 'custodian.sqlite')), errors };
  if (ipcHandler) {
    const event = { senderFrame: { url: 'app://custodian/index.html', parent: null } };
    for (const method of methods) {
      const answer = await ipcHandler(event, method, {});
      result.methods[method] = answer.ok ? 'ok' : answer.error.code;
    }
    const foreign = await ipcHandler({ senderFrame: { url: 'https://example.org/', parent: null } }, methods[0], {});
    result.foreignSender = foreign.ok ? 'ok' : foreign.error.code;
  }
  result.walBeforeQuit = existsSync(join(userData, 'custodian.sqlite-wal'));
  emit('window-all-closed');
  result.walAfterQuit = existsSync(join(userData, 'custodian.sqlite-wal'));
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
})().catch((error) => {
  process.stdout.write(JSON.stringify({ crashed: String(error && error.stack) }));
  process.exit(3);
});
