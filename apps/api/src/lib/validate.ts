import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError, type ProblemDetail } from '../errors/api-error';

/** Zod issues as problem details with dotted paths (`config.nodes.0.data.url`). */
export function zodProblems(error: z.ZodError, prefix: (string | number)[] = []): ProblemDetail[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

/** `zValidator` that fails with the API's 400 body, listing every problem with its path. */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const where = target === 'json' ? 'request body' : target === 'query' ? 'query string' : target;
      throw new ApiError(
        400,
        'validation_failed',
        `The ${where} is not valid`,
        zodProblems(result.error as unknown as z.ZodError),
      );
    }
  });
}
