import { TriggerClient, type TriggerClientConfig } from '@trigger.dev/sdk';

/** Trigger.dev cloud; a self-hosted instance sets `TRIGGER_API_URL`. */
export const DEFAULT_TRIGGER_API_URL = 'https://api.trigger.dev';

/** How many stale rows one sweep dispatches at most. */
const SWEEP_BATCH = 100;

export interface TriggerConnection {
  /** `TRIGGER_SECRET_KEY`: the environment's secret key (`tr_prod_…`). Never logged. */
  secretKey: string;
  /** `TRIGGER_API_URL`; default the cloud. */
  apiUrl?: string | undefined;
  /** The SDK's request options (retries of its API calls). */
  requestOptions?: TriggerClientConfig['requestOptions'];
}

/** A Trigger.dev client for this instance alone: the SDK is configured per client, not globally. */
export function createTriggerClient(connection: TriggerConnection): TriggerClient {
  return new TriggerClient({
    accessToken: connection.secretKey,
    baseURL: connection.apiUrl || DEFAULT_TRIGGER_API_URL,
    ...(connection.requestOptions ? { requestOptions: connection.requestOptions } : {}),
  });
}

export interface RedispatchSweepOptions<T> {
  /** How often `start()` sweeps; 0 turns the sweep off. */
  intervalMs: number;
  /** The rows left `pending` long enough to dispatch again, at most `limit`, oldest first. */
  listStale(limit: number): Promise<T[]>;
  dispatch(row: T): Promise<void>;
  /** Names a row in a warning (`execution <id>`). */
  describe(row: T): string;
  /** Names a failed sweep in a warning (`sweep`, `flow sweep`). */
  label: string;
  logger: { warn(message: string): void };
}

/** The sweep a dispatcher runs on a timer, and on demand. */
export interface RedispatchSweep {
  /** Re-dispatches what is stale; returns how many were dispatched. Overlapping calls share one sweep. */
  sweep(): Promise<number>;
  start(): Promise<void>;
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
}

/**
 * Re-dispatches rows whose dispatch to Trigger.dev failed (or was lost), in batches, on a timer.
 * Dispatches are idempotent (the row id is the idempotency key), so a row already started is not
 * started twice. The first failure ends the sweep: Trigger.dev is likely still unreachable, and the
 * next sweep tries again. Executions and flow runs are swept alike.
 */
export function createRedispatchSweep<T>(options: RedispatchSweepOptions<T>): RedispatchSweep {
  const { logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | undefined;

  async function sweepOnce(): Promise<number> {
    const stale = await options.listStale(SWEEP_BATCH);
    let dispatched = 0;
    for (const row of stale) {
      try {
        await options.dispatch(row);
        dispatched++;
      } catch (error) {
        logger.warn(`re-dispatching ${options.describe(row)} failed: ${(error as Error).message}`);
        break; // Trigger.dev is likely still unreachable: try again at the next sweep.
      }
    }
    return dispatched;
  }

  function sweep(): Promise<number> {
    sweeping ??= sweepOnce().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  }

  return {
    sweep,
    async start() {
      if (options.intervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        void sweep().catch((error: unknown) =>
          logger.warn(`${options.label} failed: ${(error as Error).message}`),
        );
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await sweeping?.catch(() => undefined);
    },
  };
}
