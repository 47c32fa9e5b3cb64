import type { Contact } from '@connectors/db';

/** A contact as expressions see it (`{{contact.email}}`): plain JSON, dates as ISO strings. */
export function contactScope(contact: Contact): Record<string, unknown> {
  return {
    id: contact.id,
    email: contact.email,
    first_name: contact.first_name,
    last_name: contact.last_name,
    phone: contact.phone,
    company: contact.company,
    title: contact.title,
    metadata: contact.metadata,
    created_at: contact.created_at.toISOString(),
    updated_at: contact.updated_at.toISOString(),
  };
}

/** The contact's fields a connector input of the same name falls back to. */
export function contactFields(contact: Contact): Record<string, unknown> {
  const { email, first_name, last_name, phone, company, title, metadata } = contact;
  return { email, first_name, last_name, phone, company, title, metadata };
}
