import { type Executor, getExecutionState, listNodeResults } from '@connectors/db';
import { presentStepsExecuted } from '@connectors/runner';
import type { SSEStreamingApi } from 'hono/streaming';
import type { ExecutionBusEvent, ExecutionEventBus } from './execution-event-bus';

export interface ExecutionStreamOptions {
  db: Executor;
  bus: ExecutionEventBus;
  workspaceId: string;
  executionId: string;
  /** `Last-Event-ID` of a reconnecting client: node results up to it were already sent. */
  lastEventId?: number | undefined;
  /** How often to read the database when no in-process event came (runs of another process). */
  pollMs?: number;
  /** How often to send a comment so proxies keep an idle stream open. */
  heartbeatMs?: number;
}

const FINAL = new Set(['success', 'partial', 'failed', 'timeout', 'cancelled']);
const NODE_EVENT = { success: 'node.succeeded', failed: 'node.failed', skipped: 'node.skipped' } as const;

/**
 * Streams an execution's progress as Server-Sent Events (DESIGN §4.6): first what the database already
 * holds (one `node.succeeded` / `node.failed` / `node.skipped` per node result, in finish order, each
 * with its `steps_executed` entry and the result's `seq` as event id), then new results as they land,
 * `node.started` when this process runs the node, and `run.finished` with the final status — then it
 * returns, which closes the stream. The database is the source of truth; the in-process bus only wakes
 * the loop early, and a poll covers runs executed by another process.
 */
export async function streamExecutionEvents(
  stream: SSEStreamingApi,
  options: ExecutionStreamOptions,
): Promise<void> {
  const { db, workspaceId, executionId } = options;
  const pollMs = options.pollMs ?? 1_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let lastSeq = options.lastEventId ?? 0;
  const finishedNodes = new Set<string>();
  const startedSent = new Set<string>();
  const started: Extract<ExecutionBusEvent, { type: 'node.started' }>[] = [];
  let wake: () => void = () => {};
  // Set by any bus event, so one that lands while the loop is busy is not waited out for `pollMs`.
  let dirty = false;
  let closed = false;
  stream.onAbort(() => {
    closed = true;
    wake();
  });
  const unsubscribe = options.bus.subscribe(executionId, (event) => {
    if (event.type === 'node.started') started.push(event);
    dirty = true;
    wake();
  });
  let lastWrite = Date.now();
  try {
    while (!closed) {
      dirty = false;
      // Status first: a run seen final here has every node result committed before it.
      const state = await getExecutionState(db, executionId);
      const rows = (await listNodeResults(db, workspaceId, executionId)).filter((r) => r.seq > lastSeq);
      for (const [i, step] of presentStepsExecuted(rows).entries()) {
        const row = rows[i]!;
        lastSeq = row.seq;
        finishedNodes.add(step.step_id);
        const event = NODE_EVENT[step.status as keyof typeof NODE_EVENT] ?? 'node.finished';
        await stream.writeSSE({ event, id: String(row.seq), data: JSON.stringify(step) });
        lastWrite = Date.now();
      }
      for (const event of started.splice(0)) {
        if (finishedNodes.has(event.nodeId) || startedSent.has(event.nodeId)) continue;
        startedSent.add(event.nodeId);
        await stream.writeSSE({
          event: 'node.started',
          data: JSON.stringify({
            step_id: event.nodeId,
            step_name: event.nodeName,
            started_at: event.startedAt,
          }),
        });
        lastWrite = Date.now();
      }
      if (!state || FINAL.has(state.status)) {
        await stream.writeSSE({
          event: 'run.finished',
          data: JSON.stringify({
            status: state?.status ?? 'cancelled',
            completed_at: state?.completed_at?.toISOString() ?? null,
          }),
        });
        return;
      }
      if (Date.now() - lastWrite >= heartbeatMs) {
        await stream.write(': keep-alive\n\n');
        lastWrite = Date.now();
      }
      if (dirty) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = () => {};
    }
  } catch (error) {
    // Headers are sent: tell the client, without detail, and close; the server log keeps the cause.
    console.error(`[api] event stream of ${executionId} failed: ${(error as Error).message}`);
    await stream.writeSSE({
      event: 'error',
      data: JSON.stringify({ message: 'The event stream failed; reconnect' }),
    });
  } finally {
    unsubscribe();
  }
}
