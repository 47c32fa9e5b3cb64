import type { FieldMappings, GraphNode, NodeExpression } from '../graph';

/** A node expression plus whether it is switched off (a disabled header or query row). */
export interface NodeExpressionSite extends NodeExpression {
  /** Disabled rows are never evaluated: their syntax is checked, their references are not. */
  disabled?: boolean;
}

/** Deepest body nesting walked; deeper values are left to the size limit. */
const MAX_BODY_DEPTH = 64;

/**
 * Every template and JSONata expression a node evaluates, with its path inside the node, so the syntax,
 * reference and length checks (and the editor) see the same list.
 */
export function nodeExpressions(node: GraphNode): NodeExpressionSite[] {
  const sites: NodeExpressionSite[] = [];
  const template = (path: (string | number)[], source: unknown, disabled?: boolean) => {
    if (typeof source === 'string')
      sites.push({ path, source, kind: 'template', ...(disabled ? { disabled } : {}) });
  };

  switch (node.type) {
    case 'http': {
      const data = node.data;
      template(['data', 'url'], data.url);
      for (const list of ['queryParams', 'headers'] as const) {
        (data[list] ?? []).forEach((row, i) => {
          const disabled = row.enabled === false;
          template(['data', list, i, 'key'], row.key, disabled);
          template(['data', list, i, 'value'], row.value, disabled);
        });
      }
      const auth = data.auth as Record<string, unknown> | undefined;
      if (auth && typeof auth === 'object') {
        for (const field of AUTH_TEMPLATE_FIELDS) template(['data', 'auth', field], auth[field]);
      }
      walkBody(data.body, ['data', 'body'], 0, template);
      break;
    }
    case 'condition':
      sites.push({ path: ['data', 'expression'], source: node.data.expression ?? '', kind: 'jsonata' });
      break;
    case 'transform':
      for (const [name, source] of Object.entries(node.data.values ?? {})) {
        sites.push({ path: ['data', 'values', name], source, kind: 'jsonata' });
      }
      break;
    case 'output':
    case 'update_contact':
      sites.push(...fieldMappingExpressions(node.data.fieldMappings ?? {}));
      break;
    case 'connector':
      for (const [name, source] of Object.entries(node.data.inputs ?? {}))
        template(['data', 'inputs', name], source);
      break;
    default:
      break;
  }
  return sites;
}

/** Auth fields that may hold templates (`{{workspace.hubspot_token}}`). */
const AUTH_TEMPLATE_FIELDS = [
  'token',
  'apiKey',
  'name',
  'headerName',
  'username',
  'password',
  'tokenUrl',
  'clientId',
  'clientSecret',
  'scope',
  'audience',
] as const;

/** Output/update_contact mappings: a template string, or `{ template, write }`. */
export function fieldMappingExpressions(mappings: FieldMappings): NodeExpressionSite[] {
  const sites: NodeExpressionSite[] = [];
  for (const [field, value] of Object.entries(mappings)) {
    if (typeof value === 'string') {
      sites.push({ path: ['data', 'fieldMappings', field], source: value, kind: 'template' });
    } else if (value && typeof value.template === 'string') {
      sites.push({
        path: ['data', 'fieldMappings', field, 'template'],
        source: value.template,
        kind: 'template',
      });
    }
  }
  return sites;
}

/** JSON bodies are walked, never re-parsed from text: every string value is a template. */
function walkBody(
  value: unknown,
  path: (string | number)[],
  depth: number,
  visit: (path: (string | number)[], source: unknown) => void,
): void {
  if (depth > MAX_BODY_DEPTH) return;
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walkBody(item, [...path, i], depth + 1, visit);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walkBody(item, [...path, key], depth + 1, visit);
  }
}
