import {
  ColumnNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type UpdateQueryNode,
  ValueNode,
} from 'kysely';

/** The database connection dropping, as the runner sees it. */
export class SimulatedOutage extends Error {
  override readonly name = 'SimulatedOutage';
}

/** The columns an UPDATE sets, with the literal value when it is one. */
export function updatedColumns(node: UpdateQueryNode): Map<string, unknown> {
  const columns = new Map<string, unknown>();
  for (const update of node.updates ?? []) {
    if (!ColumnNode.is(update.column)) continue;
    const value = ValueNode.is(update.value) ? update.value.value : undefined;
    columns.set(update.column.column.name, value);
  }
  return columns;
}

/**
 * A Kysely plugin that fails exactly one UPDATE — the `skip + 1`-th one `matches` accepts — as if the
 * database went away at that moment. `db.withPlugin(plugin)` shares the connection, so the test sees
 * every write made before the fault.
 */
export class FailOnce implements KyselyPlugin {
  fired = false;
  private seen = 0;

  constructor(
    private readonly matches: (node: UpdateQueryNode) => boolean,
    private readonly skip = 0,
  ) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (!this.fired && node.kind === 'UpdateQueryNode' && this.matches(node)) {
      if (this.seen++ >= this.skip) {
        this.fired = true;
        throw new SimulatedOutage('the database connection was lost');
      }
    }
    return node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
