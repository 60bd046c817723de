import { ZodError } from 'zod';
import { apiContract, isApiMethod, type ApiMethod } from '../../shared/ipc/contract';
import { fail, ok, UserFacingError, type Result } from '../../shared/ipc/result';
import { describeZodError } from '../../shared/validation/describe-zod-error';
import type { ServiceContext } from './context';
import type { Handler, HandlerTable } from './handler-table';

export type Logger = (message: string) => void;

/**
 * Validates and runs one call. Used by Electron's ipcMain and by the browser tests' binding alike,
 * so both paths enforce the same contract. Never throws: every failure becomes a value.
 */
export async function dispatch(
  handlers: HandlerTable,
  context: ServiceContext,
  method: unknown,
  payload: unknown,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return fail('UNKNOWN_METHOD', `Unknown method ${JSON.stringify(String(method))}.`);
  const schema = apiContract[method];
  const parsed = schema.request.safeParse(payload ?? {});
  if (!parsed.success) return fail('BAD_REQUEST', describeZodError(parsed.error));
  try {
    const handler = handlers[method] as Handler<ApiMethod>;
    const value = await handler(parsed.data as never, context);
    return ok(schema.response.parse(value));
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.code, error.message);
    if (error instanceof ZodError) return fail('BAD_REQUEST', describeZodError(error));
    // Only the method name and error class are logged: messages can quote register contents.
    log(`${method} failed: ${(error as Error)?.name ?? 'Error'}`);
    return fail('INTERNAL', `Something went wrong in ${method}. Nothing was changed; please try again.`);
  }
}
