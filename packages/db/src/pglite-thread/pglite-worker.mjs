// The PGlite side of PgliteThreadDialect: owns one PGlite in this worker thread and runs the main
// thread's statements. Plain JavaScript on purpose: the worker is started under tsx, vitest and plain
// Node, and Node 20 cannot load TypeScript into a worker in all of them.
//
// Requests: { id, op: 'query', session, sql, params, begin?, end?, sync? } | { id, op: 'close' }
// Replies:  { id, ok: true, rows, affectedRows } | { id, ok: true } | { id, ok: false, error }
// Start-up answers with id 0 once PGlite is open (or with the error that kept it from opening).
//
// Statements run one at a time in arrival order, except while a transaction is open: `begin` (sent
// with the transaction's first statement) makes its session the owner, and until its `end` statement
// (COMMIT/ROLLBACK) only that session's statements run; the others wait, as they would for PGlite's
// one connection in-thread. Statements of an open transaction are `sync`: the main thread waits for
// them without returning to its event loop, so the transaction never holds the database while the
// main thread is busy elsewhere. Their replies go through `syncPort`, and `signal` wakes the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import { createPreparedStatements } from './pglite-prepared.mjs';

/** The fields of PGlite's DatabaseError (pg-protocol's), plus what PGlite adds (`query`). */
const ERROR_FIELDS = [
  'length',
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
  'query',
];

/**
 * A structured clone keeps an Error's message and name but drops every other property, and the
 * callers read `code` and `constraint`: copy them explicitly (the main thread rebuilds the Error).
 */
function serializeError(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields = {};
  for (const key of ERROR_FIELDS) {
    const value = error[key];
    if (value === undefined || value === null || typeof value === 'object' || typeof value === 'function')
      continue;
    fields[key] = value;
  }
  // Parameters as they were sent (they crossed the thread boundary once already, so they clone again).
  if (Array.isArray(error.params)) fields.params = error.params;
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

const { dataDir, loadDataDir, syncPort, signal: signalBuffer, preparedStatements = true } = workerData;
const signal = new Int32Array(signalBuffer);
const SIGNAL_REPLIED = 1;
const SIGNAL_EXITED = 2;

// A main thread waiting for a sync reply must not wait forever for a worker that is gone.
process.on('exit', () => {
  Atomics.store(signal, 0, SIGNAL_EXITED);
  Atomics.notify(signal, 0);
});

function send(port, message) {
  try {
    port.postMessage(message);
  } catch (cloneError) {
    // A value that cannot be cloned back must fail its statement, not leave the caller waiting.
    port.postMessage({ id: message.id, ok: false, error: serializeError(cloneError) });
  }
}

function reply(request, message) {
  if (!request.sync) {
    send(parentPort, message);
    return;
  }
  send(syncPort, message);
  Atomics.store(signal, 0, SIGNAL_REPLIED);
  Atomics.notify(signal, 0);
}

let pglite;
try {
  pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
    // `bigint` as a JavaScript number, as on the in-thread dialect and on `pg` (see createDatabase).
    parsers: { [types.INT8]: (value) => Number(value) },
  });
} catch (error) {
  parentPort.postMessage({ id: 0, ok: false, error: serializeError(error) });
  parentPort.close();
  syncPort.close();
}

/** Runs a statement: named and prepared once (see pglite-prepared.mjs), or as `query()` runs it. */
const run = pglite
  ? preparedStatements
    ? createPreparedStatements(pglite).query
    : (sql, params) => pglite.query(sql, params)
  : undefined;

const queue = [];
/** The session whose transaction is open, or undefined. */
let owner;
let pumping = false;

if (pglite) {
  parentPort.on('message', (request) => {
    queue.push(request);
    void pump();
  });
  parentPort.postMessage({ id: 0, ok: true });
}

/** The next request that may run: the first one, or while a transaction is open, its first one. */
function next() {
  if (owner === undefined) return queue.length > 0 ? 0 : -1;
  return queue.findIndex((request) => request.session === owner || request.op === 'close');
}

async function pump() {
  if (pumping) return;
  pumping = true;
  try {
    for (let index = next(); index >= 0; index = next()) {
      const [request] = queue.splice(index, 1);
      await handle(request);
    }
  } finally {
    pumping = false;
  }
}

async function handle(request) {
  if (request.op === 'query') {
    try {
      if (request.begin) {
        await pglite.query(request.begin);
        owner = request.session;
      }
      const result = await run(request.sql, request.params);
      reply(request, { id: request.id, ok: true, rows: result.rows, affectedRows: result.affectedRows });
    } catch (error) {
      reply(request, { id: request.id, ok: false, error: serializeError(error) });
    } finally {
      // COMMIT and ROLLBACK end the transaction even when they fail.
      if (request.end) owner = undefined;
    }
    return;
  }
  if (request.op === 'close') {
    queue.length = 0;
    try {
      await pglite.close();
      parentPort.postMessage({ id: request.id, ok: true });
    } catch (error) {
      parentPort.postMessage({ id: request.id, ok: false, error: serializeError(error) });
    }
    // Nothing else keeps this thread alive: it exits once the reply is out.
    parentPort.close();
    syncPort.close();
    return;
  }
  reply(request, {
    id: request.id,
    ok: false,
    error: serializeError(new Error(`Unknown request ${request.op}`)),
  });
}
