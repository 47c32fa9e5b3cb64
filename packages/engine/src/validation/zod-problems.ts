import type { z } from 'zod';
import { error, type GraphProblem, type ProblemPath } from './problem';

/**
 * Turns zod issues into problems with paths, so a malformed body gets a 400 that names each field.
 * `prefix` is prepended to every path (e.g. `['config', 'steps', 1]`).
 */
export function zodIssuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  prefix: ProblemPath = [],
): GraphProblem[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
    const where = path.length > 0 ? formatPath(path) : 'The value';
    if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'type') {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.join(', ') : '';
      return error('unknown_node_type', `${where} is not a known node type: use one of ${options}.`, path);
    }
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      return error('missing_field', `${where} is required: add a ${issue.expected}.`, path);
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const expected = [...new Set(issue.errors.flatMap((branch) => branch.map(expectedOf)).filter(Boolean))];
      const what = expected.length > 0 ? expected.map(withArticle).join(' or ') : 'one of the allowed shapes';
      return error('invalid_field', `${where} has the wrong shape: write ${what}.`, path);
    }
    const detail = issue.message.replace(/^Invalid input: /, '');
    return error('invalid_field', `${where}: ${detail}.`, path);
  });
}

function expectedOf(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && issue.path.length === 0 ? String(issue.expected) : '';
}

function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** `['nodes', 0, 'data', 'url']` → `nodes[0].data.url`. */
export function formatPath(path: ProblemPath): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}
