import { useEffect, useRef } from 'react';
import { screens } from '../../../shared/app/screens';
import { screenComponents } from '../screens';
import { useNavigationStore } from '../stores/navigation-store';
import { useSettingsStore } from '../stores/settings-store';
import { Sidebar } from './Sidebar';
import { useShortcuts } from './useShortcuts';
import { useTheme } from './useTheme';

export function AppShell() {
  const screen = useNavigationStore((s) => s.screen);
  const syncFromHash = useNavigationStore((s) => s.syncFromHash);
  const loadSettings = useSettingsStore((s) => s.load);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useTheme();
  useShortcuts();

  useEffect(() => {
    void loadSettings();
    window.addEventListener('hashchange', syncFromHash);
    return () => window.removeEventListener('hashchange', syncFromHash);
  }, [loadSettings, syncFromHash]);

  // Move focus to the new screen's heading so keyboard and screen-reader users know where they are.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen]);

  const label = screens.find((s) => s.id === screen)?.label ?? '';
  useEffect(() => {
    document.title = `${label} · Custodian`;
  }, [label]);

  const Screen = screenComponents[screen];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar />
      <main id="main" ref={main} className="content" data-screen={screen}>
        <Screen />
      </main>
    </div>
  );
}
