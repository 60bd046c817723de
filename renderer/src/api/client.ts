import type { CustodianApi } from '../../../shared/ipc/api';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

declare global {
  interface Window {
    custodian?: CustodianApi;
  }
}

/**
 * The renderer's only door to data: the typed functions the preload (or, in the browser tests, the
 * test harness) put on `window.custodian`. A missing bridge becomes an error the UI can show.
 */
export async function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<Result<ApiResponse<M>>> {
  const api = window.custodian;
  if (!api) {
    return { ok: false, error: { code: 'INTERNAL', message: 'Custodian’s connection to its register is missing. Restart the app.' } };
  }
  try {
    const fn = api[method] as (request: ApiRequest<M>) => Promise<Result<ApiResponse<M>>>;
    return await fn(request);
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `The request ${method} could not be completed. Try again.` } };
  }
}
