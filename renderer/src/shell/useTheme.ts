import { useEffect } from 'react';
import { useSettingsStore } from '../stores/settings-store';

/** Follows the OS (prefers-color-scheme) unless the user chose light or dark in Settings. */
export function useTheme(): void {
  const theme = useSettingsStore((s) => s.settings.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
