import { useEffect } from 'react';
import { screens } from '../../../shared/app/screens';
import { useNavigationStore } from '../stores/navigation-store';

/** Ctrl/Cmd+1…9 open the screens in navigation order, as the native menu's Go items say. */
export function useShortcuts(): void {
  const goTo = useNavigationStore((s) => s.goTo);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const screen = screens.find((s) => s.shortcut === event.key);
      if (!screen) return;
      event.preventDefault();
      goTo(screen.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo]);
}
