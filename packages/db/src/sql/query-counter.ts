import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

const VERBS: Record<string, string> = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
  MergeQueryNode: 'merge',
  RawNode: 'raw',
};

/** The first table a statement names (`update connector_executions`), for a readable tally. */
function firstTable(node: OperationNode): string | undefined {
  const n = node as unknown as Record<string, unknown>;
  const target = (n.into ?? n.table ?? (n.from as { froms?: unknown[] } | undefined)?.froms?.[0]) as
    | Record<string, unknown>
    | undefined;
  const table = (target?.kind === 'AliasNode' ? target.node : target) as Record<string, unknown> | undefined;
  const identifier = (table?.table as { identifier?: { name?: string } } | undefined)?.identifier?.name;
  return identifier;
}

/**
 * Counts the statements a Kysely instance executes: `db.withPlugin(counter)` shares the connection, so
 * everything done through the returned instance (and its transactions) is counted — once per statement
 * that ran, not per query builder compiled (a builder used as a subquery is not a round trip). `BEGIN`
 * and `COMMIT` do not pass through plugins: add two per transaction for round trips. Used by the test
 * that keeps the per-execution query budget from growing, and by the API benchmark.
 *
 * @example
 * const counter = new QueryCounter();
 * await runExecution({ ...deps, db: db.withPlugin(counter) }, id, lease);
 * counter.total; // statements run
 * counter.tally(); // { 'insert execution_node_results': 4, … }
 */
export class QueryCounter implements KyselyPlugin {
  private readonly labels = new WeakMap<QueryId, string>();
  private readonly seen: string[] = [];

  get total(): number {
    return this.seen.length;
  }

  /** Statements by kind and first table (a CTE's name for `WITH` statements), e.g. `{ 'select connectors': 2 }`. */
  tally(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const label of this.seen) counts[label] = (counts[label] ?? 0) + 1;
    return counts;
  }

  reset(): void {
    this.seen.length = 0;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const verb = VERBS[args.node.kind] ?? args.node.kind;
    const table = firstTable(args.node);
    this.labels.set(args.queryId, table ? `${verb} ${table}` : verb);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.seen.push(this.labels.get(args.queryId) ?? 'statement');
    return args.result;
  }
}
