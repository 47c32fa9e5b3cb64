import { type Executor, type NewAuditLogEntry, recordAuditEntries } from '@connectors/db';

interface Pending {
  entry: NewAuditLogEntry;
  resolve(): void;
  reject(error: unknown): void;
}

export interface AuditWriterOptions {
  /** Most rows in one insert (default 200); the rest go into the next one. */
  maxBatch?: number;
}

/**
 * SQLSTATE classes that come from one row's values, not from the connection or the server: 22 (data
 * exception) and 23 (integrity constraint violation, e.g. the workspace or the API key of the entry was
 * deleted by the very request being audited). Both `pg` and PGlite errors carry `code`.
 */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/**
 * Group commit for audit rows: the entries of concurrent requests go into one multi-row insert instead of
 * one insert each. Each `record` still resolves only once the insert holding its entry is done (and
 * rejects if it failed), so a request is never answered before its row is stored.
 *
 * The first entry schedules an insert on the next turn of the event loop (`setImmediate`), so requests
 * finishing together share it; entries arriving while an insert is in flight wait for the next one, which
 * starts as soon as that insert ends. One insert at a time, at most `maxBatch` rows each.
 *
 * A failed insert rejects every entry in it, except when the error is one row's own (a constraint or data
 * error): then each entry is inserted alone, so one request's bad row does not lose its neighbours'.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  /** The scheduled or running insert loop; undefined when idle. */
  private loop: Promise<void> | undefined;
  private readonly maxBatch: number;

  constructor(
    private readonly db: Executor,
    options: AuditWriterOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 200);
  }

  /** Resolves once the entry is stored; rejects with the insert's error if it could not be. */
  record(entry: NewAuditLogEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.loop ??= new Promise<void>((start) => setImmediate(start)).then(() => this.run());
    });
  }

  /** Resolves once every entry recorded so far was written (or failed): for a clean shutdown. */
  async flush(): Promise<void> {
    while (this.loop) await this.loop;
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0) {
      await this.write(this.queue.splice(0, this.maxBatch));
    }
    // Cleared in the same synchronous step as the empty check, so a later `record` starts a new loop.
    this.loop = undefined;
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      await recordAuditEntries(
        this.db,
        batch.map((p) => p.entry),
      );
      for (const p of batch) p.resolve();
    } catch (error) {
      if (batch.length > 1 && isRowError(error)) {
        await Promise.all(batch.map((p) => this.write([p])));
        return;
      }
      for (const p of batch) p.reject(error);
    }
  }
}
