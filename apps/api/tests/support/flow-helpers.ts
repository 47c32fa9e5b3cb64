import { expect } from 'vitest';
import type { Json } from './run-helpers';
import type { Client } from './test-app';

const FINAL = ['success', 'partial', 'failed', 'timeout', 'cancelled'];

/**
 * A flow graph: trigger (`event`) → connector (fed the contact's e-mail) → update_contact, whose
 * mappings read the child's `output_data` through the edge.
 */
export function enrichFlowConfig(
  connectorId: string,
  options: { event?: string; fieldMappings?: Record<string, unknown> } = {},
) {
  return {
    version: 1,
    nodes: [
      {
        id: 'start',
        type: 'trigger',
        position: { x: 0, y: 0 },
        data: { name: 'Start', event: options.event ?? 'manual' },
      },
      {
        id: 'enrich',
        type: 'connector',
        position: { x: 0, y: 150 },
        data: { name: 'Enrich', connectorId, inputs: { email: '{{contact.email}}' } },
      },
      {
        id: 'save',
        type: 'update_contact',
        position: { x: 0, y: 300 },
        data: {
          name: 'Save',
          fieldMappings: options.fieldMappings ?? { title: '{{enrich.firstName}} @ {{enrich.industry}}' },
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'enrich' },
      {
        id: 'e2',
        source: 'enrich',
        target: 'save',
        data: { mapping: { firstName: 'first_name', industry: '`metadata.industry`' } },
      },
    ],
  };
}

/** A flow that waits `seconds` (a delay node), then stamps the contact's title `Stamped`. */
export function waitThenStampFlowConfig(seconds: number) {
  return {
    version: 1,
    nodes: [
      { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { event: 'manual' } },
      { id: 'wait', type: 'delay', position: { x: 0, y: 100 }, data: { seconds } },
      {
        id: 'save',
        type: 'update_contact',
        position: { x: 0, y: 200 },
        data: { fieldMappings: { title: 'Stamped' } },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'wait' },
      { id: 'e2', source: 'wait', target: 'save' },
    ],
  };
}

/** A flow that only writes the contact: trigger (`event`) → update_contact. */
export function updateOnlyFlowConfig(event: string, fieldMappings: Record<string, unknown>) {
  return {
    version: 1,
    nodes: [
      { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { name: 'Start', event } },
      {
        id: 'save',
        type: 'update_contact',
        position: { x: 0, y: 150 },
        data: { name: 'Save', fieldMappings },
      },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'save' }],
  };
}

/** Polls `GET /flow-runs/:id` until the run has ended and returns it. */
export async function waitForFlowRun(client: Client, id: string, timeoutMs = 30_000): Promise<Json> {
  const started = Date.now();
  for (;;) {
    const res = await client.get(`/flow-runs/${id}`);
    expect(res.status).toBe(200);
    if (FINAL.includes(res.json.status)) return res.json;
    if (Date.now() - started > timeoutMs)
      throw new Error(`flow run ${id} stuck: ${JSON.stringify(res.json)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls until `read` returns something truthy (or fails after `timeoutMs`). */
export async function eventually<T>(
  read: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
