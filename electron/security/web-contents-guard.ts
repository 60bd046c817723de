/**
 * One guard for every web contents the app ever creates: no navigation away from the app, no new
 * windows, no webviews, no permission granted. Written against the few members it needs rather than
 * Electron's types so that tests can drive it with a fake.
 */
export interface GuardableEvent {
  preventDefault(): void;
}

export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: GuardableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: GuardableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  session: {
    setPermissionRequestHandler(
      handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ): void;
    setPermissionCheckHandler(handler: () => boolean): void;
  };
}

export interface GuardHooks {
  /** Where a link the user clicked should go instead (checked and opened by the caller). */
  onExternalLink: (url: string) => void;
  isAppUrl: (url: string) => boolean;
}

export function guardWebContents(contents: GuardableContents, hooks: GuardHooks): void {
  const blockNavigation = (event: GuardableEvent, url: string) => {
    if (hooks.isAppUrl(url)) return;
    event.preventDefault();
    hooks.onExternalLink(url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    hooks.onExternalLink(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
