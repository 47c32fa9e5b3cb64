import { type AstNode, astChildren } from './ast';

type RootPath = readonly string[];

/** Variables in scope: each maps to the root path it holds, or `null` when that is not a plain path. */
class VariableScope {
  readonly #vars = new Map<string, RootPath | null>();
  constructor(private readonly parent?: VariableScope) {}

  set(name: string, path: RootPath | null): void {
    this.#vars.set(name, path);
  }

  get(name: string): RootPath | null {
    if (this.#vars.has(name)) return this.#vars.get(name) ?? null;
    return this.parent ? this.parent.get(name) : null;
  }
}

/**
 * The root paths an expression reads from its input: `input.email` → `['input','email']`.
 *
 * A path is followed through name steps; a filter (`results[0].id`) does not end it, and what the
 * filter itself reads is reported relative to the filtered step (`a.b[c > 1]` also gives
 * `['a','b','c']`). Any other step (a function, `*`, `**`, a block, `%`) ends the path there, and the
 * path so far is reported unless that step read something below it. Paths relative to an unknown
 * context (inside `$map` callbacks over a variable, transforms…) are not reported. Variables bound to a
 * plain path (`$c := input.contact; $c.email`) are followed; function parameters are not. `$$` is the
 * root, `$` the current context.
 */
export function collectReferences(ast: AstNode): string[][] {
  const found = new Map<string, string[]>();
  // Every reference recorded, in order, so a caller can see what a sub-walk added.
  const log: RootPath[] = [];

  const record = (path: RootPath) => {
    if (path.length === 0) return;
    log.push(path);
    const key = JSON.stringify(path);
    if (!found.has(key)) found.set(key, [...path]);
  };

  const variablePath = (name: unknown, context: RootPath | null, scope: VariableScope): RootPath | null => {
    if (name === '') return context;
    if (name === '$') return [];
    return typeof name === 'string' ? scope.get(name) : null;
  };

  /** The root path `node`'s value is, without recording it; what it reads on the way is recorded. */
  const resolve = (node: AstNode, context: RootPath | null, scope: VariableScope): RootPath | null => {
    if (node.type === 'variable') {
      const path = variablePath(node.value, context, scope);
      for (const stage of node.predicate ?? []) if (stage.expr) visit(stage.expr, path, scope);
      return path;
    }
    if (node.type !== 'path') {
      visit(node, context, scope);
      return null;
    }
    // `#$i` and `@$x` bindings live until the end of the path.
    const local = new VariableScope(scope);
    let current: RootPath | null = context;
    (node.steps ?? []).forEach((step, i) => {
      const base: RootPath | null = i === 0 ? context : current;
      let next: RootPath | null;
      if (step.type === 'name') {
        next = base ? [...base, String(step.value)] : null;
      } else if (step.type === 'variable') {
        next = variablePath(step.value, base, local);
      } else if (step.type === 'sort') {
        // Sorting reorders items without moving the context.
        for (const term of step.terms ?? []) visit(term.expression, base, local);
        next = base;
      } else {
        const mark = log.length;
        visit(step, base, local);
        const readBelow =
          base !== null && log.slice(mark).some((p) => p.length > base.length && startsWith(p, base));
        if (base && !readBelow) record(base);
        next = null;
      }
      for (const stage of step.stages ?? []) {
        if (stage.type === 'filter' && stage.expr) visit(stage.expr, next, local);
        else if (stage.type === 'index' && typeof stage.value === 'string') local.set(stage.value, null);
      }
      for (const stage of step.predicate ?? []) if (stage.expr) visit(stage.expr, next, local);
      if (typeof step.index === 'string') local.set(step.index, null);
      if (typeof step.focus === 'string') {
        // `a.b@$x.c`: `$x` is each b, and `c` is read from a's items again.
        local.set(step.focus, next);
        next = base;
      }
      current = next;
    });
    for (const [key, value] of node.group?.lhs ?? []) {
      visit(key, current, local);
      visit(value, current, local);
    }
    return current;
  };

  const visit = (node: AstNode, context: RootPath | null, scope: VariableScope): void => {
    switch (node.type) {
      case 'path':
      case 'variable': {
        const path = resolve(node, context, scope);
        if (path) record(path);
        return;
      }
      case 'bind': {
        const target = node.lhs && !Array.isArray(node.lhs) ? node.lhs.value : undefined;
        const rhs = node.rhs;
        if (!rhs) return;
        // A variable holding a plain path is reported where it is used (`$c.email`), not here.
        let path: RootPath | null = null;
        if (rhs.type === 'path' || rhs.type === 'variable') path = resolve(rhs, context, scope);
        else visit(rhs, context, scope);
        if (typeof target === 'string') scope.set(target, path);
        return;
      }
      case 'block': {
        const inner = new VariableScope(scope);
        for (const expression of node.expressions ?? []) visit(expression, context, inner);
        break;
      }
      case 'lambda': {
        // A lambda runs against the context it was defined in; its parameters hold unknown values.
        const inner = new VariableScope(scope);
        for (const param of node.arguments ?? [])
          if (typeof param.value === 'string') inner.set(param.value, null);
        if (node.body) visit(node.body, context, inner);
        break;
      }
      case 'function':
      case 'partial': {
        if (node.procedure && node.procedure.type !== 'variable') visit(node.procedure, context, scope);
        for (const arg of node.arguments ?? []) visit(arg, context, scope);
        break;
      }
      case 'transform': {
        // `| pattern | update |` is a function applied to whatever is piped into it.
        for (const child of ownChildren(node)) visit(child, null, scope);
        break;
      }
      default:
        for (const child of ownChildren(node)) visit(child, context, scope);
    }
    // Filters and grouping on a non-path value apply to that value's items: an unknown context.
    for (const stage of node.predicate ?? []) if (stage.expr) visit(stage.expr, null, scope);
    for (const [key, value] of node.group?.lhs ?? []) {
      visit(key, null, scope);
      visit(value, null, scope);
    }
  };

  visit(ast, [], new VariableScope());
  return [...found.values()];
}

function ownChildren(node: AstNode): AstNode[] {
  return astChildren({ ...node, predicate: undefined, group: undefined });
}

function startsWith(path: RootPath, prefix: RootPath): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}
