import { type Graph, graphSchema } from '../graph';
import type { GraphProblem } from './problem';
import { zodIssuesToProblems } from './zod-problems';

/**
 * Checks the shape of an untrusted value against `graphSchema` (filling defaults). On failure every zod
 * issue becomes a problem with its path; never throws. Run `validateGraph` on the result for the rest.
 */
export function parseGraph(value: unknown): { graph?: Graph; problems: GraphProblem[] } {
  try {
    const result = graphSchema.safeParse(value);
    if (result.success) return { graph: result.data, problems: [] };
    return { problems: zodIssuesToProblems(result.error.issues) };
  } catch (cause) {
    // A getter that throws or a revoked proxy must still end as a 400, not a 500.
    const detail = cause instanceof Error ? cause.message : String(cause);
    return {
      problems: [
        {
          code: 'invalid_field',
          severity: 'error',
          message: `The graph could not be read: ${detail}.`,
          path: [],
        },
      ],
    };
  }
}
