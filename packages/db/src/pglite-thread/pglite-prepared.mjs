// Named (prepared) statements for PGlite, which its `query()` does not offer: that method parses,
// describes, binds and executes every statement anew (six protocol exchanges with the WebAssembly
// backend, and a new plan each time). Here a data statement is parsed and described once under a name;
// later calls only bind and execute it (and PostgreSQL can reuse its plan). Values are serialised by the
// parameter types the description gave, and rows parsed with the instance's parsers, exactly as
// `query()` does, so results are the same. Plain JavaScript: used by the PGlite worker thread.
//
// Bounded like the `pg` side (src/pg/prepared-statements.ts), by the same rules
// (src/sql/prepared-statement-rules.mjs), and at most `limit` texts; others go through `query()`. A
// statement whose result columns changed under it (SQLSTATE 0A000, after a migration) is dropped and,
// outside a transaction, prepared and run again.
import { parse, protocol } from '@electric-sql/pglite';
import { isStalePlan, preparable } from '../sql/prepared-statement-rules.mjs';

const { serialize } = protocol;

function concat(parts) {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Errors as `query()` reports them: with the statement and its parameters. */
function withStatement(error, text, params) {
  if (error && typeof error === 'object') {
    if (error.query === undefined) error.query = text;
    if (error.params === undefined) error.params = params;
  }
  return error;
}

/**
 * @param {import('@electric-sql/pglite').PGlite} pglite
 * @param {{ limit?: number }} [options]
 * @returns {{ query(text: string, params?: unknown[]): Promise<import('@electric-sql/pglite').Results>; readonly size: number }}
 */
export function createPreparedStatements(pglite, { limit = 1000 } = {}) {
  /** Statement text → its name and parameter types. */
  const statements = new Map();
  let next = 0;

  async function prepare(text) {
    const name = `connectors_${next++}`;
    const { messages } = await pglite.execProtocol(
      concat([
        serialize.parse({ name, text, types: [] }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const entry = { name, types: parse.parseDescribeStatementResults(messages) };
    statements.set(text, entry);
    return entry;
  }

  async function execute(entry, params) {
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serializer = pglite.serializers[entry.types[i]];
      return serializer ? serializer(param) : param.toString();
    });
    const { messages } = await pglite.execProtocol(
      concat([
        serialize.bind({ statement: entry.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: !pglite.isInTransaction() },
    );
    return parse.parseResults(messages, pglite.parsers, {})[0];
  }

  async function forget(entry, text) {
    statements.delete(text);
    await pglite.execProtocol(concat([serialize.close({ type: 'S', name: entry.name }), serialize.sync()]), {
      syncToFs: false,
      throwOnError: false,
    });
  }

  async function query(text, params = [], retried = false) {
    let entry = statements.get(text);
    if (entry === undefined) {
      if (statements.size >= limit || !preparable(text, params.length)) return pglite.query(text, params);
      try {
        entry = await prepare(text);
      } catch (error) {
        throw withStatement(error, text, params);
      }
    }
    try {
      return await execute(entry, params);
    } catch (error) {
      if (!isStalePlan(error)) throw withStatement(error, text, params);
      await forget(entry, text);
      if (retried || pglite.isInTransaction()) throw withStatement(error, text, params);
      return query(text, params, true);
    }
  }

  return {
    query,
    get size() {
      return statements.size;
    },
  };
}
