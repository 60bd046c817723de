import { create } from 'zustand';
import { isScreenId, type ScreenId } from '../../../shared/app/screens';

/** The current screen mirrors the URL hash (`#/agreements`) so that reload and the menu keep the place. */
export const screenFromHash = (hash: string): ScreenId => {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isScreenId(id) ? id : 'dashboard';
};

interface NavigationState {
  screen: ScreenId;
  goTo: (screen: ScreenId) => void;
  syncFromHash: () => void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  screen: screenFromHash(typeof location === 'undefined' ? '' : location.hash),
  goTo: (screen) => {
    if (location.hash !== `#/${screen}`) location.hash = `#/${screen}`;
    set({ screen });
  },
  syncFromHash: () => set({ screen: screenFromHash(location.hash) }),
}));
