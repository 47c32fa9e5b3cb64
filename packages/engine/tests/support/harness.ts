import { createHttpClient } from '../../src/http';
import {
  type Clock,
  type EnginePorts,
  type NodeResult,
  type ResolvedSecret,
  type RunGraphOptions,
  runGraph,
  systemClock,
} from '../../src/runtime';

/** A recorder that keeps what it is told, in order, like the runner persisting node results. */
export function memoryRecorder() {
  const finished: NodeResult[] = [];
  const started: string[] = [];
  return {
    finished,
    started,
    nodeStarted: (e: { nodeId: string }) => {
      started.push(e.nodeId);
    },
    nodeFinished: (r: NodeResult) => {
      finished.push(r);
    },
  };
}

/** A clock that really waits, but records every sleep so backoff can be asserted exactly. */
export function recordingClock(options: { instant?: boolean } = {}): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: systemClock.now,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return systemClock.sleep(options.instant ? 0 : ms, signal);
    },
  };
}

export function staticSecrets(values: Record<string, string | ResolvedSecret>) {
  return {
    resolve: async (root: 'workspace' | 'credentials', path: string[]) => {
      const value = values[`${root}.${path.join('.')}`];
      return typeof value === 'string' ? { value } : value;
    },
  };
}

export function testPorts(overrides: Partial<EnginePorts> = {}): EnginePorts & {
  recorder: ReturnType<typeof memoryRecorder>;
} {
  return {
    http: createHttpClient({ allowPrivateNetwork: true }),
    clock: systemClock,
    secrets: staticSecrets({}),
    recorder: memoryRecorder(),
    random: () => 0.5,
    ...overrides,
  } as EnginePorts & { recorder: ReturnType<typeof memoryRecorder> };
}

export function run(options: Omit<RunGraphOptions, 'run'> & { run?: RunGraphOptions['run'] }) {
  return runGraph({ run: { executionId: 'exec_1', attempt: 1 }, ...options });
}
