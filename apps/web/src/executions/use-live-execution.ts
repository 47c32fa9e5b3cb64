import { useCallback, useEffect, useRef, useState } from 'react';
import { type Execution, executionsApi, type StepExecuted } from '../api/executions.api';
import { errorMessage } from '../ui/format';
import { isLive } from './run-model';

export interface LiveExecution {
  execution: Execution | null;
  error: string | null;
  /** Nodes running now (from `node.started` events), with their start time. */
  running: ReadonlyMap<string, string>;
  /** How the run view hears of progress: the event stream, polling (stream refused), or nothing (ended). */
  channel: 'events' | 'polling' | 'idle';
  reload: () => Promise<void>;
}

const POLL_MS = 1_500;

/** Adds or replaces one step, keeping finish order. */
function withStep(execution: Execution, step: StepExecuted): Execution {
  const steps = (execution.steps_executed ?? []).filter((s) => s.step_id !== step.step_id);
  return { ...execution, steps_executed: [...steps, step] };
}

/**
 * One execution, kept current while it runs: read once, then followed through its Server-Sent Events
 * (`node.started`, `node.succeeded|failed|skipped` with the step, `run.finished`), and read again at the
 * end for the final record (the workspace goes in the stream's query: EventSource sends no headers). When the stream is refused
 * or drops, it polls `GET /executions/:id` until the run ends.
 */
export function useLiveExecution(id: string): LiveExecution {
  const [execution, setExecution] = useState<Execution | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<ReadonlyMap<string, string>>(new Map());
  const [channel, setChannel] = useState<LiveExecution['channel']>('idle');
  const current = useRef(id);
  current.current = id;

  const reload = useCallback(async () => {
    try {
      const next = await executionsApi.get(id);
      if (current.current !== id) return;
      setExecution(next);
      setError(null);
      setRunning((map) => {
        const done = new Set((next.steps_executed ?? []).map((s) => s.step_id));
        return new Map([...map].filter(([node]) => !done.has(node)));
      });
    } catch (err) {
      if (current.current === id) setError(errorMessage(err));
    }
  }, [id]);

  useEffect(() => {
    setExecution(null);
    setRunning(new Map());
    setChannel('idle');
    void reload();
  }, [reload]);

  const live = execution !== null && isLive(execution);
  useEffect(() => {
    if (!live) {
      setChannel('idle');
      return;
    }
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      if (closed) return;
      setChannel('polling');
      timer = setTimeout(async () => {
        await reload();
        poll();
      }, POLL_MS);
    };
    if (typeof EventSource === 'undefined') {
      poll();
      return () => {
        closed = true;
        clearTimeout(timer);
      };
    }
    const source = new EventSource(executionsApi.eventsUrl(id), { withCredentials: true });
    setChannel('events');
    // A node that started before the stream opened sent its `node.started` to nobody: after each result,
    // the run is read again for its `current_step` (the node running now), at most every 300 ms.
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      if (refresh === undefined) {
        refresh = setTimeout(() => {
          refresh = undefined;
          if (!closed) void reload();
        }, 300);
      }
    };
    const onStep = (event: MessageEvent<string>) => {
      const step = JSON.parse(event.data) as StepExecuted;
      setExecution((e) => (e ? withStep(e, step) : e));
      setRunning((map) => {
        if (!map.has(step.step_id)) return map;
        const next = new Map(map);
        next.delete(step.step_id);
        return next;
      });
      refreshSoon();
    };
    source.addEventListener('node.started', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as {
        step_id: string;
        started_at: string;
      };
      setRunning((map) => new Map(map).set(data.step_id, data.started_at));
      setExecution((e) => (e && e.status === 'pending' ? { ...e, status: 'running' } : e));
    });
    for (const name of ['node.succeeded', 'node.failed', 'node.skipped', 'node.finished']) {
      source.addEventListener(name, onStep as EventListener);
    }
    source.addEventListener('run.finished', () => {
      source.close();
      void reload();
    });
    source.onerror = () => {
      // Refused (404 in another workspace), or dropped: the database is the truth, read it instead.
      source.close();
      if (!closed) poll();
    };
    return () => {
      closed = true;
      source.close();
      clearTimeout(timer);
      clearTimeout(refresh);
    };
  }, [id, live, reload]);

  return { execution, error, running, channel, reload };
}
