import type { z } from 'zod';
import type { ApiContract, ApiMethod, ApiResponse } from '../../shared/ipc/contract';
import type { ServiceContext } from './context';
import { appHandlers } from './handlers/app-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { registerLocationHandlers } from './handlers/register-location-handlers';
import { disclosureHandlers } from './handlers/disclosure-handlers';
import { registerHandlers } from './handlers/register-handlers';
import { auditHandlers } from './handlers/audit-handlers';
import { findingsHandlers } from './handlers/findings-handlers';
import { dashboardHandlers } from './handlers/dashboard-handlers';
import { destructionHandlers } from './handlers/destruction-handlers';
import { exportsHandlers } from './handlers/exports-handlers';
import { importsHandlers } from './handlers/imports-handlers';
import { incidentHandlers } from './handlers/incident-handlers';

export type Handler<M extends ApiMethod> = (
  request: z.output<ApiContract[M]['request']>,
  context: ServiceContext,
) => ApiResponse<M> | Promise<ApiResponse<M>>;

export type HandlerTable = { [M in ApiMethod]: Handler<M> };
export type PartialHandlerTable<K extends ApiMethod> = { [M in K]: Handler<M> };

/** Every method of the contract, implemented. TypeScript fails the build if one is missing. */
export const handlerTable: HandlerTable = {
  ...appHandlers,
  ...settingsHandlers,
  ...registerLocationHandlers,
  ...disclosureHandlers,
  ...registerHandlers,
  ...auditHandlers,
  ...findingsHandlers,
  ...dashboardHandlers,
  ...destructionHandlers,
  ...exportsHandlers,
  ...importsHandlers,
  ...incidentHandlers,
};
