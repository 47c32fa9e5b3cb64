/** `@connectors/runner/testing`: a real local HTTP API for tests, and the seed's connector. */
export { type Handler, type LoggedRequest, MockApi } from './mock-api';
export { HUBSPOT_ROUTES, mockHubspot, seedHubspotConnector } from './seed-connector';
