import type { Contact, ContactFields } from '@connectors/db';
import type { z } from 'zod';
import type { ContactBody, contactSchema } from '../schemas/contact.schema';

export type ContactView = z.infer<typeof contactSchema>;

/** The API's view of a contact row; `provenance` from `contactProvenance` (none given: empty). */
export function contactView(row: Contact, provenance: ContactView['provenance'] = {}): ContactView {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    phone: row.phone,
    company: row.company,
    title: row.title,
    metadata: row.metadata,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    provenance,
  };
}

/**
 * A validated body as repository fields, copied one by one (`undefined` = not sent). `metadata` may be
 * given apart when the route computed it (PATCH with `metadata: null`).
 */
export function contactFields(
  body: Omit<ContactBody, 'metadata'> & { metadata?: Record<string, unknown> | null },
  metadata: Record<string, unknown> | undefined = body.metadata ?? undefined,
): ContactFields {
  return {
    email: body.email,
    first_name: body.first_name,
    last_name: body.last_name,
    phone: body.phone,
    company: body.company,
    title: body.title,
    metadata,
  };
}
