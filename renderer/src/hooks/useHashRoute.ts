import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type ScreenRoute } from '../navigation/record-route';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route, re-read whenever the hash changes (a link, Back, a reload). */
export function useHashRoute(): ScreenRoute {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}

export function navigate(href: string): void {
  location.hash = href.replace(/^#/, '');
}
