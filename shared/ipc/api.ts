import type { ApiMethod, ApiRequest, ApiResponse } from './contract';
import type { Result } from './result';

/** The shape of `window.custodian`: one async function per contract method. */
export type CustodianApi = {
  [M in ApiMethod]: (request: ApiRequest<M>) => Promise<Result<ApiResponse<M>>>;
};

/** The single channel name used by preload and main. */
export const IPC_CHANNEL = 'custodian:invoke';
