import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  createQueryId,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  IdentifierNode,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  RawNode,
  type TransactionSettings,
} from 'kysely';

/** Where the worker's PGlite keeps its data. */
export interface PgliteThreadOptions {
  /** A data directory on disk; without it the database lives in the worker's memory. */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to start from (in memory). */
  loadDataDir?: Blob;
  /** Named statements, parsed once (`pglite-prepared.mjs`; default true). */
  preparedStatements?: boolean;
}

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type Reply =
  | { id: number; ok: true; rows?: unknown[]; affectedRows?: number }
  | { id: number; ok: false; error: SerializedError };

interface Pending {
  resolve(reply: Reply & { ok: true }): void;
  reject(error: Error): void;
  /** Where the request was made: the rebuilt error's stack starts there, not in a message handler. */
  trace: Error;
}

/** How long close() waits for the worker to exit on its own before terminating it. */
const EXIT_GRACE_MS = 5_000;

/**
 * Rebuilds an error that crossed the thread boundary: same message, name and PostgreSQL fields
 * (`code`, `constraint`, `detail`, `table`, `column`, `schema`…), so `isUniqueViolation` and anything
 * else reading them cannot tell it from the in-thread one.
 */
function rebuildError(serialized: SerializedError, trace: Error): Error {
  const error = new Error(serialized.message);
  Object.assign(error, serialized.fields);
  Object.defineProperty(error, 'name', { value: serialized.name, writable: true, configurable: true });
  const callerFrames = trace.stack?.split('\n').slice(1).join('\n') ?? '';
  error.stack = `${serialized.name}: ${serialized.message}\n${callerFrames}`;
  return error;
}

const SIGNAL_WAITING = 0;
const SIGNAL_EXITED = 2;

/** A statement for the worker (see pglite-worker.mjs for how sessions and transactions are ordered). */
interface QueryRequest {
  session: number;
  sql: string;
  params: readonly unknown[];
  /** BEGIN (or START TRANSACTION …) to run first: the session's transaction starts here. */
  begin?: string;
  /** COMMIT or ROLLBACK: the session's transaction ends here. */
  end?: boolean;
}

interface QueryReply {
  rows: unknown[];
  affectedRows?: number;
}

/**
 * One PGlite running in a `worker_threads` Worker. Statements are messages, answered in order. The
 * worker is unreferenced while nothing is pending, so an idle database does not keep the process
 * alive (as with the in-thread PGlite), while a statement in flight does.
 */
export class PgliteWorkerClient {
  readonly #worker: Worker;
  readonly #syncPort: MessagePort;
  readonly #signal: Int32Array;
  readonly #pending = new Map<number, Pending>();
  readonly #exited: Promise<void>;
  #nextId = 1;
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;
  #terminated = false;

  private constructor(worker: Worker, syncPort: MessagePort, signal: Int32Array) {
    this.#worker = worker;
    this.#syncPort = syncPort;
    this.#signal = signal;
    this.#worker.on('message', (reply: Reply) => this.#onReply(reply));
    this.#worker.on('error', (error) => {
      this.#fail(new Error(`The PGlite worker thread failed: ${error.message}`, { cause: error }));
    });
    this.#worker.on('messageerror', (error) => {
      // A reply that cannot be deserialized belongs to the oldest request (they are answered in order).
      const oldest = this.#pending.entries().next();
      if (oldest.done) return;
      const [id, pending] = oldest.value;
      this.#settle(id);
      pending.reject(new Error(`A reply of the PGlite worker thread could not be read: ${error.message}`));
    });
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', (code) => {
        this.#fail(
          new Error(
            this.#closing
              ? 'The PGlite database is closed'
              : this.#terminated
                ? 'The PGlite worker thread was terminated'
                : `The PGlite worker thread exited unexpectedly (exit code ${code})`,
          ),
        );
        resolve();
      });
    });
  }

  /** Starts the worker and waits until its PGlite is open (initdb for a new data directory). */
  static async start(options: PgliteThreadOptions = {}): Promise<PgliteWorkerClient> {
    const load = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: {
        dataDir: options.dataDir,
        loadDataDir: load,
        syncPort: port2,
        signal: signal.buffer,
        preparedStatements: options.preparedStatements ?? true,
      },
      transferList: load ? [port2, load] : [port2],
      // The worker is plain JavaScript: no TypeScript loader (tsx, vitest) needs to run in it.
      execArgv: [],
    });
    port1.unref(); // read only with receiveMessageOnPort, never listened to
    const client = new PgliteWorkerClient(worker, port1, signal);
    await client.#request(0, undefined);
    return client;
  }

  /** Runs one statement; its reply comes back through the event loop. */
  async query(request: QueryRequest): Promise<QueryReply> {
    const reply = await this.#request(this.#nextId++, { op: 'query', ...request });
    return { rows: reply.rows ?? [], affectedRows: reply.affectedRows };
  }

  /**
   * Runs one statement and blocks this thread until it is done, as the in-thread PGlite would. For the
   * statements of an open transaction only: the worker runs nothing else meanwhile, so going back to
   * the event loop between them would leave the database idle while other work runs here.
   */
  querySync(request: QueryRequest): QueryReply {
    if (this.#failure) throw this.#failure;
    const trace = new Error();
    const id = this.#nextId++;
    Atomics.store(this.#signal, 0, SIGNAL_WAITING);
    this.#worker.postMessage({ id, op: 'query', sync: true, ...request });
    for (;;) {
      const received = receiveMessageOnPort(this.#syncPort);
      if (received) {
        const reply = received.message as Reply;
        if (reply.ok) return { rows: reply.rows ?? [], affectedRows: reply.affectedRows };
        throw rebuildError(reply.error, trace);
      }
      if (Atomics.load(this.#signal, 0) === SIGNAL_EXITED) {
        throw new Error('The PGlite worker thread exited before answering');
      }
      Atomics.wait(this.#signal, 0, SIGNAL_WAITING);
    }
  }

  /** Closes PGlite (flushing a data directory) and waits for the worker to exit. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  /**
   * Stops the worker at once, without closing PGlite: for a database that does not answer. Waiting
   * statements fail; a data directory may need recovery when it is opened again.
   */
  async terminate(): Promise<void> {
    this.#terminated = true;
    await this.#worker.terminate();
    await this.#exited;
    this.#syncPort.close();
  }

  async #close(): Promise<void> {
    if (this.#failure) return;
    try {
      await this.#request(this.#nextId++, { op: 'close' });
    } finally {
      this.#worker.ref(); // until it is gone
      const timer = setTimeout(() => void this.#worker.terminate(), EXIT_GRACE_MS);
      await this.#exited;
      clearTimeout(timer);
      this.#syncPort.close();
    }
  }

  /** The id 0 request is the start-up: its reply is sent by the worker without being asked. */
  #request(id: number, message: { op: string; [key: string]: unknown } | undefined) {
    const trace = new Error();
    return new Promise<Reply & { ok: true }>((resolve, reject) => {
      if (this.#failure) {
        reject(this.#failure);
        return;
      }
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject, trace });
      if (!message) return;
      try {
        this.#worker.postMessage({ id, ...message });
      } catch (error) {
        // A parameter that cannot be cloned (a function, a symbol): this statement fails, nothing else.
        this.#settle(id);
        reject(error);
      }
    });
  }

  #onReply(reply: Reply) {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#settle(reply.id);
    if (reply.ok) pending.resolve(reply);
    else pending.reject(rebuildError(reply.error, pending.trace));
  }

  #settle(id: number) {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  /** The worker is gone or broken: every waiting request fails now, and so does every later one. */
  #fail(error: Error) {
    this.#failure ??= error;
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const pending of waiting) pending.reject(this.#failure);
  }
}

/**
 * A Kysely connection: a session of the worker's one PGlite connection. Outside a transaction its
 * statements go to the worker at once and queue there (no round trip through this thread between
 * them); inside one they run synchronously (see `querySync`).
 */
class PgliteThreadConnection implements DatabaseConnection {
  /** Set by beginTransaction; sent with the transaction's first statement. */
  begin: string | undefined;
  inTransaction = false;
  /** A statement of the transaction was sent, so the worker may hold the transaction open. */
  started = false;

  constructor(
    private readonly client: PgliteWorkerClient,
    readonly session: number,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const request = { session: this.session, sql: compiledQuery.sql, params: compiledQuery.parameters };
    let result: QueryReply;
    if (this.inTransaction) {
      const begin = this.begin;
      this.begin = undefined;
      this.started = true;
      result = this.client.querySync({ ...request, begin });
    } else {
      result = await this.client.query(request);
    }
    return toQueryResult<R>(result);
  }

  /** COMMIT or ROLLBACK. Asynchronous: once it runs, the worker is free for everyone else. */
  async end(sql: 'commit' | 'rollback'): Promise<void> {
    const started = this.started;
    this.inTransaction = false;
    this.started = false;
    this.begin = undefined;
    // A transaction without a statement never started in the worker: nothing to end. (If its first
    // statement failed, BEGIN may or may not have run: ROLLBACK outside a transaction is only a warning.)
    if (started) await this.client.query({ session: this.session, sql, params: [], end: true });
  }

  /** Not a cursor: the whole result is read, then handed out in chunks (as kysely-pglite-dialect). */
  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize = 100,
  ): AsyncIterableIterator<QueryResult<R>> {
    if (!Number.isInteger(chunkSize) || chunkSize <= 0) {
      throw new Error('chunkSize must be a positive integer');
    }
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }
}

/** As kysely-pglite-dialect: PGlite's affectedRows counts the rows of INSERT/UPDATE/DELETE. */
function toQueryResult<R>(result: QueryReply): QueryResult<R> {
  if (result.affectedRows) {
    return { numAffectedRows: BigInt(result.affectedRows), rows: result.rows as R[] };
  }
  return { rows: result.rows as R[] };
}

/**
 * PGlite has one connection. Every Kysely connection is a session of it; the worker runs their
 * statements in arrival order, and an open transaction holds it exclusively until COMMIT/ROLLBACK
 * (other sessions' statements wait). One transaction at a time: the next BEGIN waits here until the
 * previous transaction has ended, so a transaction never waits in the worker while this thread is
 * blocked on another one. Unlike kysely-pglite-dialect, `db.connection()` outside a transaction does
 * not hold the connection exclusively (nothing here uses it); a transaction does.
 */
class PgliteThreadDriver implements Driver {
  #client: PgliteWorkerClient | undefined;
  #nextSession = 1;
  #transactionOpen = false;
  readonly #transactionQueue: Array<() => void> = [];

  constructor(
    client: PgliteWorkerClient | undefined,
    private readonly options: PgliteThreadOptions,
  ) {
    this.#client = client;
  }

  async init(): Promise<void> {
    this.#client ??= await PgliteWorkerClient.start(this.options);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#client) throw new Error('The PGlite database is closed');
    return new PgliteThreadConnection(this.#client, this.#nextSession++);
  }

  async releaseConnection(): Promise<void> {}

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (this.#transactionOpen) await new Promise<void>((resolve) => this.#transactionQueue.push(resolve));
    this.#transactionOpen = true;
    let statement = 'begin';
    if (settings.isolationLevel || settings.accessMode) {
      statement = 'start transaction';
      if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) statement += ` ${settings.accessMode}`;
    }
    const session = connection as PgliteThreadConnection;
    session.inTransaction = true;
    session.begin = statement;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection, 'rollback');
  }

  async #end(connection: DatabaseConnection, sql: 'commit' | 'rollback'): Promise<void> {
    try {
      await (connection as PgliteThreadConnection).end(sql);
    } finally {
      const next = this.#transactionQueue.shift();
      if (next) next();
      else this.#transactionOpen = false;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await connection.executeQuery(compile(savepointCommand('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await connection.executeQuery(compile(savepointCommand('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await connection.executeQuery(compile(savepointCommand('release', name), createQueryId()));
  }

  async destroy(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.close();
  }
}

function savepointCommand(command: string, name: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

/**
 * Kysely dialect for a PGlite that runs in a worker thread, so the database's work (WebAssembly
 * Postgres: parsing, planning, executing, encoding) runs on another core than the HTTP server and the
 * run engine. Values come back as from the in-thread PGlite: the worker uses the same parsers, and a
 * structured clone keeps `Date`, `Uint8Array`, arrays and objects. Pass an already started client
 * (`PgliteWorkerClient.start`) to see start-up errors before the first query, or options to start it
 * on first use.
 */
export class PgliteThreadDialect implements Dialect {
  constructor(private readonly source: PgliteWorkerClient | PgliteThreadOptions = {}) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return this.source instanceof PgliteWorkerClient
      ? new PgliteThreadDriver(this.source, {})
      : new PgliteThreadDriver(undefined, this.source);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
