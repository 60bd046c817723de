import { PlannedScreen } from './PlannedScreen';

export const AuditLogScreen = () => (
  <PlannedScreen
    title="Audit log"
    purpose="Every change to the register: when, who, and what changed, chained so that tampering shows."
    pending="No changes to the register have been recorded yet."
  />
);
