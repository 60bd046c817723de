import { PlannedScreen } from './PlannedScreen';

export const DisclosureScreen = () => (
  <PlannedScreen
    title="Disclosure"
    purpose="Apply a data set’s disclosure rules to a table, check it against an attacker, and export it safely."
    pending="Disclosure control is not available in this version."
  />
);
