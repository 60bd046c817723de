import { PlannedScreen } from './PlannedScreen';

export const IncidentsScreen = () => (
  <PlannedScreen
    title="Incidents"
    purpose="Record incidents and breaches, assess them, and notify NHS England and the ICO on time."
    pending="No incidents are recorded. Incident recording is not available in this version."
  />
);
