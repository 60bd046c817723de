import { PlannedScreen } from './PlannedScreen';

export const AgreementsScreen = () => (
  <PlannedScreen
    title="Agreements"
    purpose="Data Sharing Framework Contracts, Data Sharing Agreements and every version of them."
    pending="No agreements are recorded. Recording agreements arrives with the register."
  />
);
