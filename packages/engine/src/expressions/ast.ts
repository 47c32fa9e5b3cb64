/**
 * The parts of JSONata's AST (`expression.ast()`) the expression layer reads. The published typings
 * describe only some of the fields the 2.x parser produces, so this is a looser, read-only view.
 */
export interface AstNode {
  type: string;
  value?: unknown;
  position?: number;
  steps?: AstNode[];
  stages?: AstStage[];
  predicate?: AstStage[];
  group?: { lhs: [AstNode, AstNode][] };
  terms?: { descending?: boolean; expression: AstNode }[];
  arguments?: AstNode[];
  procedure?: AstNode;
  body?: AstNode;
  lhs?: AstNode | [AstNode, AstNode][];
  rhs?: AstNode;
  expression?: AstNode;
  expressions?: AstNode[];
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  pattern?: AstNode;
  update?: AstNode;
  delete?: AstNode;
  /** `#$i` on a path step: binds the position to `$i`. */
  index?: string;
  /** `@$x` on a path step: binds each item to `$x` without moving the context. */
  focus?: string;
}

export interface AstStage {
  type: string;
  expr?: AstNode;
  value?: unknown;
}

function isNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/** The direct sub-expressions of a node, in evaluation order. */
export function astChildren(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const add = (value: unknown) => {
    if (isNode(value)) out.push(value);
  };
  node.steps?.forEach(add);
  for (const stage of node.stages ?? []) add(stage.expr);
  for (const stage of node.predicate ?? []) add(stage.expr);
  if (Array.isArray(node.lhs)) {
    for (const pair of node.lhs) if (Array.isArray(pair)) pair.forEach(add);
  } else add(node.lhs);
  add(node.rhs);
  add(node.procedure);
  node.arguments?.forEach(add);
  add(node.body);
  add(node.expression);
  node.expressions?.forEach(add);
  add(node.condition);
  add(node.then);
  add(node.else);
  add(node.pattern);
  add(node.update);
  add(node.delete);
  for (const term of node.terms ?? []) add(term.expression);
  for (const pair of node.group?.lhs ?? []) if (Array.isArray(pair)) pair.forEach(add);
  return out;
}

/**
 * Visits every node depth-first with an explicit stack (so a pathological AST cannot overflow the call
 * stack here) and reports the deepest nesting seen.
 */
export function walkAst(root: AstNode, visit: (node: AstNode, depth: number) => void): number {
  let maxDepth = 0;
  const stack: [AstNode, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > maxDepth) maxDepth = depth;
    visit(node, depth);
    for (const child of astChildren(node)) stack.push([child, depth + 1]);
  }
  return maxDepth;
}
