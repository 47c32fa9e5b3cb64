import { z } from 'zod';
import { MAX_BULK_CONTACTS } from '../bulk/bulk-contacts';
import { queryText } from './page.schema';

/**
 * `POST /connectors/:id/bulk-execute` and `POST /flows/:id/bulk-run`: chosen contacts, or a search —
 * exactly one of the two. Unknown fields are ignored, as on every create.
 */
export const bulkBodySchema = z
  .object({
    contactIds: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .max(MAX_BULK_CONTACTS)
      .optional()
      .meta({ description: `Up to ${MAX_BULK_CONTACTS} contact ids of the workspace` }),
    filter: z
      .object({
        search: queryText(200)
          .optional()
          .meta({ description: 'As `GET /contacts?search=`; omitted: every contact of the workspace' }),
      })
      .optional()
      .meta({ description: 'Instead of `contactIds`: every contact matching the search' }),
  })
  .superRefine((body, ctx) => {
    if ((body.contactIds === undefined) === (body.filter === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: body.contactIds === undefined ? ['contactIds'] : ['filter'],
        message: 'Send either `contactIds` or `filter`, not both and not neither',
      });
    }
  });
export type BulkBody = z.output<typeof bulkBodySchema>;

/** `202` of a bulk start. */
export const bulkAcceptedSchema = z.object({
  bulkRunId: z.uuid(),
  total: z.number().int().meta({ description: 'How many contacts the bulk run covers' }),
});

/** A bulk run's progress. */
export const bulkRunSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['connector', 'flow']),
  target_id: z.uuid().meta({ description: 'The connector or flow it runs' }),
  status: z.enum(['running', 'completed']),
  total: z.number().int(),
  queued: z.number().int().meta({ description: 'Contacts handed out so far (within the rate limit)' }),
  succeeded: z.number().int(),
  failed: z.number().int().meta({
    description: 'Items that failed, timed out or were cancelled, plus contacts that could not run',
  }),
  fields_changed: z.number().int().meta({ description: 'Contact fields the items changed' }),
  created_at: z.iso.datetime(),
  completed_at: z.iso.datetime().nullable(),
});
