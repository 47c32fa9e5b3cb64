import type { GraphNodeOf } from '../graph';
import type { SeedStep } from './step-schema';

/** Vertical gap between nodes laid out top to bottom. */
export const ROW_HEIGHT = 150;

/** The canonical http node for one seed step (templates not yet rewritten). */
export function stepToNode(step: SeedStep, id: string, index: number): GraphNodeOf<'http'> {
  return {
    id,
    type: 'http',
    position: { x: 0, y: ROW_HEIGHT * index },
    data: {
      name: step.name ?? `Step ${index + 1}`,
      ...(step.description !== undefined ? { description: step.description } : {}),
      // The seed passed methods straight to axios, which accepts any case; the canonical form is upper.
      method: step.method.trim().toUpperCase(),
      url: step.url,
      queryParams: step.queryParams ?? [],
      headers: step.headers ?? [],
      ...(step.auth ? { auth: step.auth } : {}),
      ...(step.body !== undefined ? { body: cloneJson(step.body) } : {}),
      ...(step.bodyType !== undefined ? { bodyType: step.bodyType } : {}),
      ...((step.timeoutMs ?? step.timeout) !== undefined
        ? { timeoutMs: step.timeoutMs ?? step.timeout }
        : {}),
      ...(step.retry ? { retry: step.retry } : {}),
    },
  };
}

/** Templates in the body are rewritten in place, so never share the caller's object. */
function cloneJson(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
