import { PlannedScreen } from './PlannedScreen';

export const DashboardScreen = () => (
  <PlannedScreen
    title="Dashboard"
    purpose="Findings by severity, the next deadlines and the count of live holdings and copies."
    pending="The register is empty. Findings will appear here once agreements, holdings and copies are recorded."
  />
);
