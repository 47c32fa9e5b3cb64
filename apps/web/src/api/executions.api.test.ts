import { afterEach, describe, expect, it } from 'vitest';
import { setWorkspaceId } from './api-client';
import { executionsApi } from './executions.api';

afterEach(() => setWorkspaceId(null));

describe('the live events URL', () => {
  it("names the chosen workspace in the query, since EventSource can't send the header", () => {
    expect(executionsApi.eventsUrl('e 1')).toBe('/api/v1/executions/e%201/events');
    setWorkspaceId('00000000-0000-4000-8000-000000000002');
    expect(executionsApi.eventsUrl('e1')).toBe(
      '/api/v1/executions/e1/events?workspace_id=00000000-0000-4000-8000-000000000002',
    );
  });
});
