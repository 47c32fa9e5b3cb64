import { z } from 'zod';

/** The error body of every non-2xx answer (`src/errors/error-handler.ts`). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z
      .string()
      .meta({ description: 'Stable, e.g. validation_failed, not_found, name_taken, stale_version' }),
    message: z.string().meta({ description: 'What went wrong and what to do, for people' }),
    details: z.unknown().optional().meta({
      description:
        'For 400: a list of { path, message, code } (path dotted, e.g. config.nodes.2.data.url); for 409 stale_version: { current_version, sent_version }; for 422: the graph problems',
    }),
  }),
});
