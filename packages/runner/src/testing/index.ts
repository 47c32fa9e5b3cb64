/** `@connectors/runner/testing`: the engine's test helpers (a local HTTP API, the seed's connector). */
export {
  type Handler,
  HUBSPOT_ROUTES,
  type LoggedRequest,
  MockApi,
  mockHubspot,
  seedHubspotConnector,
} from '@connectors/engine/testing';
