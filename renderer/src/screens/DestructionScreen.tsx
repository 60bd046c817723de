import { PlannedScreen } from './PlannedScreen';

export const DestructionScreen = () => (
  <PlannedScreen
    title="Destruction"
    purpose="Destruction deadlines, the record of every copy destroyed, and certificates of destruction."
    pending="Nothing is due for destruction: no holdings are recorded yet."
  />
);
