import { readSettings, writeSettings } from '../../db/settings-repository';
import type { PartialHandlerTable } from '../handler-table';

export const settingsHandlers: PartialHandlerTable<'settings.get' | 'settings.update'> = {
  'settings.get': (_request, context) => readSettings(context.db),
  'settings.update': (patch, context) => writeSettings(context.db, patch),
};
