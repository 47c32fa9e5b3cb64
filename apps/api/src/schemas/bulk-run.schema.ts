import { z } from 'zod';
import { MAX_BULK_CONTACTS } from '../bulk/bulk-contacts';
import { queryText } from './page.schema';

/** `POST /connectors/:id/bulk-execute` and `POST /flows/:id/bulk-run`: chosen contacts, or a search. */
export const bulkBodySchema = z.union([
  z.strictObject({
    contactIds: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .max(MAX_BULK_CONTACTS)
      .meta({ description: `Up to ${MAX_BULK_CONTACTS} contact ids of the workspace` }),
  }),
  z.strictObject({
    filter: z.strictObject({
      search: queryText(200)
        .optional()
        .meta({ description: 'As `GET /contacts?search=`; omitted: every contact of the workspace' }),
    }),
  }),
]);
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
  failed: z
    .number()
    .int()
    .meta({
      description: 'Items that failed, timed out or were cancelled, plus contacts that could not run',
    }),
  fields_changed: z.number().int().meta({ description: 'Contact fields the items changed' }),
  created_at: z.iso.datetime(),
  completed_at: z.iso.datetime().nullable(),
});
