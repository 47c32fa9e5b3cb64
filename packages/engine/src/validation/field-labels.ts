/**
 * A short human name for a field path inside a node or edge, for messages:
 * `['data','url']` → "the URL", `['data','headers',1,'value']` → "header 2's value".
 */
export function fieldLabel(path: readonly (string | number)[]): string {
  const [first, second, third, fourth] = path;
  if (first === 'mapping') return `the mapping '${String(second)}'`;
  if (first !== 'data') return path.join('.');
  switch (second) {
    case 'url':
      return 'the URL';
    case 'queryParams':
      return `query parameter ${Number(third) + 1}'s ${fourth === 'key' ? 'name' : 'value'}`;
    case 'headers':
      return `header ${Number(third) + 1}'s ${fourth === 'key' ? 'name' : 'value'}`;
    case 'auth':
      return `the auth ${String(third)}`;
    case 'body':
      return path.length > 2 ? `the body field ${bodyPath(path.slice(2))}` : 'the body';
    case 'expression':
      return "the condition's expression";
    case 'values':
      return `the value '${String(third)}'`;
    case 'fieldMappings':
      return `the field mapping '${String(third)}'`;
    case 'inputs':
      return `the input '${String(third)}'`;
    case 'method':
      return 'the method';
    default:
      return path.slice(1).join('.');
  }
}

function bodyPath(parts: readonly (string | number)[]): string {
  return parts
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}
