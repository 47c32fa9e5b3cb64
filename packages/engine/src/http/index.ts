/**
 * `@connectors/engine/http`: the Node-only HTTP adapter (undici + the outbound address guard). Kept out of
 * the main engine entry so that entry stays browser-safe.
 */
export {
  type AddressClass,
  classifyAddress,
  type ForbiddenAddressReason,
  isForbiddenAddress,
} from './address-guard';
export {
  createHttpClient,
  type GuardedHttpClient,
  type GuardedHttpClientOptions,
} from './guarded-http-client';
export {
  isOutboundRequestError,
  OutboundRequestError,
  type OutboundRequestErrorCode,
} from './outbound-request.error';
export type { HostLookup, ResolvedAddress } from './resolve-destination';
