import { PlannedScreen } from './PlannedScreen';

export const HoldingsScreen = () => (
  <PlannedScreen
    title="Holdings"
    purpose="Every extract received from NHS England and every copy of it, backups included."
    pending="No holdings are recorded. Recording holdings and copies arrives with the register."
  />
);
