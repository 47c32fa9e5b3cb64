import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { GeneratedJsonb, GeneratedTimestamp } from './column-types';

/** `contacts`: the CRM records connectors enrich. `metadata` is a free-form JSON object. */
export interface ContactTable {
  id: Generated<string>;
  workspace_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  company: string | null;
  title: string | null;
  metadata: GeneratedJsonb<Record<string, unknown>>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type Contact = Selectable<ContactTable>;
export type NewContact = Insertable<ContactTable>;
export type ContactUpdate = Updateable<ContactTable>;
