import { MockApi, mockHubspot } from '@connectors/runner/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * The mock HubSpot API most API test files run against: started once for the file, and before each
 * test its request log cleared and its routes set back to the seed connector's answers, then `routes`
 * adds (or overrides) what the file needs. Call it at the top level of a test file.
 */
export function useHubspotMock(routes?: (api: MockApi) => void): MockApi {
  const api = new MockApi();
  beforeAll(async () => {
    await api.start();
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    api.log.length = 0;
    mockHubspot(api);
    routes?.(api);
  });
  return api;
}
