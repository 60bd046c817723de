import type { ComponentType } from 'react';
import type { ScreenId } from '../../../shared/app/screens';
import { AgreementsScreen } from './AgreementsScreen';
import { AuditLogScreen } from './AuditLogScreen';
import { DashboardScreen } from './DashboardScreen';
import { DestructionScreen } from './DestructionScreen';
import { DisclosureScreen } from './DisclosureScreen';
import { HoldingsScreen } from './HoldingsScreen';
import { IncidentsScreen } from './IncidentsScreen';
import { LocationsScreen } from './LocationsScreen';
import { SettingsScreen } from './SettingsScreen';

export const screenComponents: Record<ScreenId, ComponentType> = {
  dashboard: DashboardScreen,
  agreements: AgreementsScreen,
  holdings: HoldingsScreen,
  locations: LocationsScreen,
  disclosure: DisclosureScreen,
  destruction: DestructionScreen,
  incidents: IncidentsScreen,
  'audit-log': AuditLogScreen,
  settings: SettingsScreen,
};
