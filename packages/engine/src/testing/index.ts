/**
 * `@connectors/engine/testing`: a real local HTTP API for tests, and the seed's HubSpot connector, shared
 * by the engine's, the runner's, the API's and the tasks' tests. Node only.
 */
export { type Handler, type LoggedRequest, MockApi } from './mock-api';
export { HUBSPOT_ROUTES, mockHubspot, seedHubspotConnector } from './seed-connector';
