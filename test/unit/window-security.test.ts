import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { resolveAppUrl } from '../../electron/security/app-protocol';
import { isSafeExternalUrl } from '../../electron/security/external-links';
import { isTrustedSender } from '../../electron/security/ipc-sender';
import { guardWebContents, type GuardableContents } from '../../electron/security/web-contents-guard';
import { hardenedWebPreferences } from '../../electron/security/window-options';

describe('the window is hardened', () => {
  it('isolates and sandboxes the renderer with no Node integration', () => {
    const prefs = hardenedWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('has a CSP that allows nothing remote and no inline or eval script', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  permissionAnswer: boolean | null = null;
  permissionCheck: (() => boolean) | null = null;
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  session = {
    setPermissionRequestHandler: (h: (c: unknown, p: string, cb: (g: boolean) => void) => void) =>
      h(null, 'geolocation', (granted) => (this.permissionAnswer = granted)),
    setPermissionCheckHandler: (h: () => boolean) => (this.permissionCheck = h),
  };
}

const fireable = (url: string) => {
  let prevented = false;
  return { event: { preventDefault: () => (prevented = true) }, prevented: () => prevented, url };
};

describe('one guard covers every web contents', () => {
  const setup = () => {
    const contents = new FakeContents();
    const external: string[] = [];
    guardWebContents(contents as unknown as GuardableContents, {
      isAppUrl: (u) => u.startsWith('app://custodian/'),
      onExternalLink: (u) => external.push(u),
    });
    return { contents, external };
  };

  it('blocks navigation away from the app and hands the link to the checked opener', () => {
    const { contents, external } = setup();
    const away = fireable('https://evil.example/');
    contents.emit('will-navigate', away.event, away.url);
    expect(away.prevented()).toBe(true);
    expect(external).toEqual(['https://evil.example/']);
    const inside = fireable('app://custodian/index.html#/holdings');
    contents.emit('will-navigate', inside.event, inside.url);
    expect(inside.prevented()).toBe(false);
    const redirect = fireable('file:///etc/passwd');
    contents.emit('will-redirect', redirect.event, redirect.url);
    expect(redirect.prevented()).toBe(true);
  });

  it('denies new windows, webviews and every permission', () => {
    const { contents } = setup();
    expect(contents.openHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' });
    const webview = fireable('');
    contents.emit('will-attach-webview', webview.event);
    expect(webview.prevented()).toBe(true);
    expect(contents.permissionAnswer).toBe(false);
    expect(contents.permissionCheck?.()).toBe(false);
  });
});

describe('external links open only through the checked function', () => {
  it.each([
    ['https://digital.nhs.uk/services/data-access-request-service-dars', true],
    ['https://ico.org.uk/for-organisations/report-a-breach/', true],
    ['http://digital.nhs.uk/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['https://digital.nhs.uk.evil.example/', false],
    ['https://user:pw@digital.nhs.uk/', false],
    ['https://digital.nhs.uk:8443/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => expect(isSafeExternalUrl(url)).toBe(allowed));
});

describe('the app:// protocol serves only the UI bundle', () => {
  const root = '/opt/custodian/dist/renderer';
  it.each([
    ['app://custodian/', `${root}/index.html`],
    ['app://custodian/index.html', `${root}/index.html`],
    ['app://custodian/assets/index-abc.js', `${root}/assets/index-abc.js`],
    // The URL parser resolves dot segments before we see them, so these stay inside the bundle.
    ['app://custodian/../../etc/passwd', `${root}/etc/passwd`],
    ['app://custodian/%2e%2e/%2e%2e/etc/passwd', `${root}/etc/passwd`],
  ])('%s → %s', (url, file) => expect(resolveAppUrl(root, url)).toBe(file));

  it.each([
    'app://custodian/..%2f..%2fsecret',
    'app://custodian/a%5c..%5c..%5csecret',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://custodian/%00',
  ])('refuses %s', (url) => expect(resolveAppUrl(root, url)).toBeNull());
});

describe('IPC answers only the app’s own top frame', () => {
  it('accepts the app frame and refuses others', () => {
    expect(isTrustedSender({ url: 'app://custodian/index.html#/settings', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://custodian/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
