import { UserFacingError } from '../../../shared/ipc/result';
import type { PartialHandlerTable } from '../handler-table';

type RegisterMethods =
  | 'register.list'
  | 'register.get'
  | 'register.create'
  | 'register.update'
  | 'register.archive'
  | 'register.restore';

// Placeholder while the register service is being written (same session); replaced before the issue closes.
const notYet = (): never => {
  throw new UserFacingError('INTERNAL', 'The register is not available in this build yet.');
};

export const registerHandlers: PartialHandlerTable<RegisterMethods> = {
  'register.list': notYet,
  'register.get': notYet,
  'register.create': notYet,
  'register.update': notYet,
  'register.archive': notYet,
  'register.restore': notYet,
};
