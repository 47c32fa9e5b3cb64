import { type GraphNode, nodeTypeDefinition, RESERVED_SCOPE_NAMES } from '../graph';
import type { ValidationContext } from './context';
import { error, type GraphProblem, type ProblemPath } from './problem';
import { closestName } from './suggest';

/** Where a reference was found, for the problem it may produce. */
export interface ReferenceSite {
  path: ProblemPath;
  /** Human name of the field, e.g. "the URL". */
  label: string;
  /** The node whose scope the expression reads. */
  scope: GraphNode;
  edgeId?: string;
  /** Names `$` holds besides the scope: a transform's computed values, for mappings out of it. */
  localNames?: ReadonlySet<string>;
}

const SECRET_ROOTS: ReadonlySet<string> = new Set(['workspace', 'credentials']);
const ALWAYS_IN_SCOPE: ReadonlySet<string> = new Set(['contact', 'run']);

/**
 * Checks one root path an expression reads against its node's scope (DESIGN §3 "Edges carry the data"):
 * inputs, secrets (http only), and values of other nodes, which must arrive on an edge that carries them.
 */
export function checkReference(
  ctx: ValidationContext,
  reference: string[],
  site: ReferenceSite,
): GraphProblem[] {
  const [root, field] = reference;
  if (root === undefined) return [];
  const { scope, path, label } = site;
  const extra = { nodeId: scope.id, ...(site.edgeId ? { edgeId: site.edgeId } : {}) };

  // A transform's computed values shadow the scope in mappings out of it, as at run time.
  if (site.localNames?.has(root)) return [];
  if (root === 'input') return checkInput(ctx, field, site);
  if (ALWAYS_IN_SCOPE.has(root)) return [];
  if (SECRET_ROOTS.has(root)) {
    if (nodeTypeDefinition(scope.type)?.secretsInScope) return [];
    const where = site.edgeId ? `an edge mapping out of ${scope.id}` : `${label} of ${scope.id}`;
    return [
      error(
        'secret_not_in_scope',
        `${root}.* secrets are only available in HTTP request nodes, not in ${where}: secrets are not reachable from conditions, transforms or mappings. Use the secret in the HTTP node that needs it.`,
        path,
        extra,
      ),
    ];
  }

  if (root === scope.id) {
    return [
      error(
        'self_reference',
        `${cap(label)} reads ${root}'s own values, which it cannot see: remove ${root}.${field ?? ''} from it.`,
        path,
        extra,
      ),
    ];
  }

  if (ctx.nodeById.has(root)) {
    const edges = (ctx.incoming.get(scope.id) ?? []).filter((ref) => ref.edge.source === root);
    const read = field === undefined ? root : `${root}.${field}`;
    if (edges.length === 0) {
      const connect = `Connect ${root} → ${scope.id}`;
      return [
        error(
          'missing_edge',
          `${cap(label)} reads ${read}, but no edge leads from ${root} into this node: connect ${root} → ${scope.id} and map ${field ?? 'the values'} on it.`,
          path,
          { ...extra, fix: { kind: 'connect', source: root, target: scope.id, label: connect } },
        ),
      ];
    }
    if (field === undefined) return [];
    if (edges.some((ref) => Object.hasOwn(ref.edge.data?.mapping ?? {}, field))) return [];
    const carried = [...new Set(edges.flatMap((ref) => Object.keys(ref.edge.data?.mapping ?? {})))];
    const edgeNames = edges.map((ref) => ref.edge.id).join(', ');
    const carries = carried.length > 0 ? `carries only ${carried.join(', ')}` : 'carries nothing';
    return [
      error(
        'value_not_carried',
        `${cap(label)} reads ${read}, but the edge ${edgeNames} from ${root} ${carries}: add '${field}' to its mapping.`,
        path,
        { ...extra, edgeId: edges[0]?.edge.id },
      ),
    ];
  }

  return [error('unknown_reference', unknownMessage(ctx, root, label), path, extra)];
}

function checkInput(ctx: ValidationContext, field: string | undefined, site: ReferenceSite): GraphProblem[] {
  if (!ctx.inputNames || field === undefined || ctx.inputNames.has(field)) return [];
  const known = [...ctx.inputNames];
  const suggestion = closestName(field, known);
  const list = known.length > 0 ? `the inputs are ${known.join(', ')}` : 'the connector has no inputs yet';
  const hint = suggestion ? `Did you mean input.${suggestion}? ` : '';
  return [
    error(
      'unknown_input',
      `${cap(site.label)} reads unknown input field ${field}. ${hint}Add ${field} to the input schema or use a known one (${list}).`,
      site.path,
      { nodeId: site.scope.id, ...(site.edgeId ? { edgeId: site.edgeId } : {}) },
    ),
  ];
}

function unknownMessage(ctx: ValidationContext, root: string, label: string): string {
  const nodeSuggestion = closestName(root, ctx.nodeById.keys());
  const inputSuggestion = ctx.inputNames ? closestName(root, ctx.inputNames) : undefined;
  const rootSuggestion = closestName(root, RESERVED_SCOPE_NAMES);
  const suggestion = ctx.inputNames?.has(root)
    ? `input.${root}`
    : (nodeSuggestion ?? rootSuggestion ?? (inputSuggestion ? `input.${inputSuggestion}` : undefined));
  const hint = suggestion
    ? `Did you mean '${suggestion}'?`
    : 'Use input.<field>, contact.<field>, run.<field> or the id of a node connected to this one.';
  return `${cap(label)} reads unknown name '${root}'. ${hint}`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
