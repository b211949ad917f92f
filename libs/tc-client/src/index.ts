export * from './model';
export { createTcClient, type TcClient, type TcClientOptions } from './lib/client';
export {
  signTcRequest,
  tcStringToSign,
  type TcAuth,
  type TcSignInput,
  type TcSignedHeaders,
} from './lib/auth';
export * from './lib/errors';
export {
  TC_RETRY_POLICIES,
  resolveRetryPolicy,
  type TcRetryPolicy,
  type TcRetryPolicyName,
} from './lib/retry';
export type { TcLogger } from './lib/transport';
export type { TcBatchSubmitInput } from './lib/endpoints/batch.endpoints';
export { TC_BATCH_MAX_ITEMS, TC_BATCH_DEFAULT_MAX_BYTES } from './lib/endpoints/batch.endpoints';
export type { TcTagSearch } from './lib/endpoints/search.endpoints';
export type { TcLookupOptions } from './lib/endpoints/lookup.endpoints';
export type { TcAttributeEndpoints } from './lib/endpoints/attributes.endpoints';
export type { TcObjectKind, TcObjectRef } from './lib/endpoints/associations.endpoints';
export type { TcGetOptions } from './lib/endpoints/objects.endpoints';
export { tqlString, tqlIn } from './lib/endpoints/tql';
