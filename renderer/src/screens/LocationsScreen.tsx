import { PlannedScreen } from './PlannedScreen';

export const LocationsScreen = () => (
  <PlannedScreen
    title="Locations"
    purpose="Where data is stored and processed: servers, cloud regions, research environments, backup and disaster-recovery sites."
    pending="No locations are recorded. Recording locations arrives with the register."
  />
);
