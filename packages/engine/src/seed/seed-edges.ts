import type { GraphEdge } from '../graph';

/** Edges keyed by source and target, so repeated needs for the same link merge into one mapping. */
export class EdgeBuilder {
  readonly #edges = new Map<string, { source: string; target: string; mapping: Record<string, string> }>();

  /** The edge `source → target`, created on first use. */
  ensure(source: string, target: string): Record<string, string> {
    const key = JSON.stringify([source, target]);
    let edge = this.#edges.get(key);
    if (!edge) {
      edge = { source, target, mapping: {} };
      this.#edges.set(key, edge);
    }
    return edge.mapping;
  }

  /** Canonical edges (`e_<source>_<target>`), ordered by source then target position. */
  build(order: (id: string) => number): GraphEdge[] {
    const taken = new Set<string>();
    return [...this.#edges.values()]
      .sort((a, b) => order(a.source) - order(b.source) || order(a.target) - order(b.target))
      .map(({ source, target, mapping }) => {
        // `a_b → c` and `a → b_c` would both be `e_a_b_c`; ids must stay unique.
        let id = `e_${source}_${target}`;
        for (let k = 2; taken.has(id); k++) id = `e_${source}_${target}_${k}`;
        taken.add(id);
        return { id, source, target, data: { mapping } };
      });
  }
}

/** A response field name as a JSONata path: plain names as they are, others in backticks. */
export function responseFieldPath(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '')}\``;
}

/** Sets an own property, so a name like `__proto__` is stored as data rather than changing the prototype. */
export function setOwn(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
