/** The screens of the app shell, in navigation order. The id is also the URL hash. */
export const screens = [
  { id: 'dashboard', label: 'Dashboard', shortcut: '1' },
  { id: 'agreements', label: 'Agreements', shortcut: '2' },
  { id: 'holdings', label: 'Holdings', shortcut: '3' },
  { id: 'locations', label: 'Locations', shortcut: '4' },
  { id: 'disclosure', label: 'Disclosure', shortcut: '5' },
  { id: 'destruction', label: 'Destruction', shortcut: '6' },
  { id: 'incidents', label: 'Incidents', shortcut: '7' },
  { id: 'audit-log', label: 'Audit log', shortcut: '8' },
  { id: 'settings', label: 'Settings', shortcut: '9' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

export const isScreenId = (value: string): value is ScreenId => screens.some((s) => s.id === value);
