import { type Compilable, type CompiledQuery, createQueryId, type QueryResult } from 'kysely';
import type { Executor } from '../database';

/** Stands for the value at `index` while a template is built; Kysely sends it as a parameter. */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  sql: string;
  query: CompiledQuery['query'];
  /** Per parameter of the compiled statement: the index of the value it takes, or -1 for a constant. */
  sources: number[];
  constants: readonly unknown[];
}

/**
 * Builds and compiles a hot statement once per shape instead of once per call. Kysely's builders are
 * immutable trees compiled anew on every call: for the statements a run sends (the batch of node
 * results, the end of a run) that was about a millisecond of CPU per run. A `QueryTemplates` keeps, per
 * `shape` (a string naming everything that changes the SQL text: how many rows, which optional parts),
 * the compiled SQL and where each value goes; a call only fills in the values.
 *
 * `build(values)` must use each of `values` only as a parameter (in `sql` templates, `where`, `set`,
 * `values`), never to decide the statement's shape (that goes in `shape`) and never transformed
 * (serialise JSON before, not inside), and must take every value from `values`, never from its closure
 * (a closure value would be compiled into the first call's statement and sent on every later call). If
 * the first build shows a value did not end up as a parameter, the shape is not cached and every call
 * builds as before. Plugins still see every statement (`transformQuery` with a new query id), so
 * `QueryCounter` counts them.
 *
 * The closure rule cannot be checked from one build, so `verify` (on under vitest, or with
 * `CONNECTORS_VERIFY_QUERY_TEMPLATES=1`) also builds every call the slow way and throws if it differs
 * from what the template would send: a workspace id from the closure would otherwise run every later
 * call against the first caller's workspace.
 */
export class QueryTemplates {
  readonly #templates = new Map<string, Template | null>();

  constructor(
    readonly maxShapes = 256,
    readonly verify = process.env.VITEST !== undefined ||
      process.env.CONNECTORS_VERIFY_QUERY_TEMPLATES === '1',
  ) {}

  async execute<R>(
    db: Executor,
    shape: string,
    values: readonly unknown[],
    build: (values: readonly unknown[]) => Compilable<R>,
  ): Promise<QueryResult<R>> {
    let template = this.#templates.get(shape);
    if (template === undefined) {
      template = compileTemplate(build, values.length);
      if (this.#templates.size < this.maxShapes) this.#templates.set(shape, template);
    }
    if (template === null) return db.executeQuery(build(values));
    const parameters = template.sources.map((source, i) =>
      source >= 0 ? values[source] : template.constants[i],
    );
    if (this.verify) verifyAgainstBuild(shape, template.sql, parameters, build(values).compile());
    const queryId = createQueryId();
    const query = db.getExecutor().transformQuery(template.query, queryId);
    return db.executeQuery<R>({ sql: template.sql, parameters, query, queryId } as CompiledQuery<R>);
  }

  /**
   * `execute` with named values: `build` gets a record with the same keys. The keys are part of the
   * shape (a value present or not is a different statement). A key whose value is `undefined` is left
   * out, as Kysely leaves out an `undefined` column: `build` sees it absent (`'key' in values` is false).
   */
  executeNamed<R, V extends Record<string, unknown>>(
    db: Executor,
    shape: string,
    values: V,
    build: (values: V) => Compilable<R>,
  ): Promise<QueryResult<R>> {
    const keys = Object.keys(values).filter((key) => values[key] !== undefined);
    return this.execute(
      db,
      `${shape}|${keys.join(',')}`,
      keys.map((key) => values[key]),
      (slots) => build(Object.fromEntries(keys.map((key, i) => [key, slots[i]])) as V),
    );
  }
}

/** Throws unless a fresh build of this call is the statement the template sends. */
function verifyAgainstBuild(
  shape: string,
  sql: string,
  parameters: readonly unknown[],
  fresh: CompiledQuery<unknown>,
): void {
  const same =
    fresh.sql === sql &&
    fresh.parameters.length === parameters.length &&
    fresh.parameters.every((value, i) => sameValue(value, parameters[i]));
  if (!same) {
    throw new Error(
      `QueryTemplates: the shape "${shape}" now builds another statement than its template sends: ` +
        'the build took a value from its closure instead of its values, or the shape misses something ' +
        'that changes the SQL',
    );
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function compileTemplate<R>(
  build: (values: readonly unknown[]) => Compilable<R>,
  count: number,
): Template | null {
  const slots = Array.from({ length: count }, (_, i) => new Slot(i));
  const compiled = build(slots).compile();
  const seen = new Set<number>();
  const sources = compiled.parameters.map((parameter) => {
    if (!(parameter instanceof Slot)) return -1;
    seen.add(parameter.index);
    return parameter.index;
  });
  // A value that is not among the parameters was transformed or decided the shape: not a template.
  if (seen.size !== count) return null;
  return { sql: compiled.sql, query: compiled.query, sources, constants: compiled.parameters };
}
