import { z } from 'zod';
import { storableJson } from '../lib/json-guard';
import { pageOf, pageQueryFields, queryText } from './page.schema';

/** Largest `metadata`, as JSON text, and its deepest nesting: enough for enrichment, bounded for storage. */
export const MAX_METADATA_BYTES = 64 * 1024;
export const MAX_METADATA_DEPTH = 16;

/** Bytes of `value` as JSON text (UTF-8). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

const text = (max: number) => z.string().trim().max(max).nullish();

/** A free-form JSON object. Nulls inside are kept on create/PUT and delete keys on PATCH (merge patch). */
export const metadataSchema = z
  .record(z.string().min(1).max(200), z.unknown())
  .superRefine((value, ctx) => {
    const bytes = jsonBytes(value);
    if (bytes > MAX_METADATA_BYTES) {
      ctx.addIssue({
        code: 'custom',
        message: `metadata is ${bytes} bytes of JSON; the limit is ${MAX_METADATA_BYTES}`,
      });
    }
  })
  .meta({
    description: `A JSON object, at most ${MAX_METADATA_BYTES} bytes and ${MAX_METADATA_DEPTH} levels deep`,
  });

const contactFields = {
  email: z.string().trim().max(320).pipe(z.email('Not a valid e-mail address')).nullish(),
  first_name: text(200),
  last_name: text(200),
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[0-9+().\-\s/#*extEXT]*$/, 'Use digits, spaces and + ( ) . - / # * (and "ext")')
    .nullish(),
  company: text(255),
  title: text(255),
};

/** `POST /contacts` and `PUT /contacts/:id` (PUT replaces: omitted fields become null, metadata `{}`). */
export const contactBodySchema = storableJson(
  z.object({ ...contactFields, metadata: metadataSchema.optional() }),
  MAX_METADATA_DEPTH + 1,
);

/**
 * `PATCH /contacts/:id`: only the fields sent change. `metadata` is a JSON Merge Patch (RFC 7396) applied at
 * every depth (`null` deletes a key); `metadata: null` empties it.
 */
export const contactPatchSchema = storableJson(
  z.object({ ...contactFields, metadata: metadataSchema.nullable().optional() }),
  MAX_METADATA_DEPTH + 1,
);

export type ContactBody = z.output<typeof contactBodySchema>;
export type ContactPatch = z.output<typeof contactPatchSchema>;

/** `GET /contacts` filters. */
export const listContactsQuerySchema = z.object({
  search: queryText(200)
    .optional()
    .meta({ description: 'Matches e-mail, first name, last name or "first last", case-insensitively' }),
  email: queryText(320).optional().meta({ description: 'Exact e-mail, case-insensitive' }),
  ...pageQueryFields,
});

/**
 * Which run set each field (`first_name`, `metadata.industry`): the last connector execution (or flow
 * `update_contact` node, with `connector_id` and `execution_id` null) whose value the contact still holds.
 */
export const provenanceSchema = z
  .record(
    z.string(),
    z.object({
      connector_id: z.uuid().nullable(),
      connector_name: z.string().optional(),
      execution_id: z.uuid().nullable(),
      flow_run_id: z.uuid().optional(),
      at: z.iso.datetime(),
    }),
  )
  .meta({ description: 'Which connector and run set each field, keyed by field or metadata path' });

/** A contact as every route returns it. */
export const contactSchema = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  provenance: provenanceSchema,
});

export const contactPageSchema = pageOf(contactSchema);

/** `GET /contacts/:id/history`. */
export const contactHistoryQuerySchema = z.object({ ...pageQueryFields });

/** One write of a run onto the contact, with the fields it changed (old → new). */
export const contactHistoryEntrySchema = z.object({
  execution_id: z.uuid().nullable(),
  connector_id: z.uuid().nullable(),
  connector_name: z.string().nullable(),
  flow_run_id: z.uuid().nullable(),
  completed_at: z.iso.datetime(),
  changes: z.array(
    z.object({
      field: z.string().meta({ description: 'A column (`first_name`) or a metadata path (`metadata.a.b`)' }),
      old: z.unknown(),
      new: z.unknown(),
    }),
  ),
});
export const contactHistoryPageSchema = pageOf(contactHistoryEntrySchema);
