import { type GraphNode, templateReferences } from '@connectors/engine';

/**
 * The secret references (`workspace.<name>`, `credentials.<service>.<field>`) in a node's templates,
 * wherever they are in its data. Used after an http node ran, to bind the credentials it sent.
 */
export function nodeSecretReferences(node: GraphNode): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!value.includes('{{')) return;
      let references: string[][];
      try {
        references = templateReferences(value);
      } catch {
        return; // a broken template fails the node before anything is sent
      }
      for (const [root, a, b] of references) {
        if (root === 'workspace' && a) found.add(`workspace.${a}`);
        else if (root === 'credentials' && a && b) found.add(`credentials.${a}.${b}`);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        visit(key);
        visit(inner);
      }
    }
  };
  visit(node.data);
  return [...found];
}
