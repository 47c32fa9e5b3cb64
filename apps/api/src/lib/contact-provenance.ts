import { type Contact, type Executor, type FieldProvenance, listFieldProvenance } from '@connectors/db';
import type { z } from 'zod';
import type { provenanceSchema } from '../schemas/contact.schema';

export type ProvenanceView = z.infer<typeof provenanceSchema>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The contact's current value of a change's field (`first_name`, `metadata.a.b`); absent = null. */
function currentValue(contact: Contact, field: string): unknown {
  const [head, ...rest] = field.split('.');
  if (head !== 'metadata') return (contact as unknown as Record<string, unknown>)[field] ?? null;
  let value: unknown = contact.metadata;
  for (const key of rest) {
    if (!isObject(value) || !Object.hasOwn(value, key)) return null;
    value = value[key];
  }
  return value ?? null;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Which run set each field of each contact: the newest recorded change of the field, kept only while the
 * contact still holds the value that run wrote (a field a person edited since has no run behind it).
 */
export async function contactProvenance(
  db: Executor,
  workspaceId: string,
  contacts: Contact[],
): Promise<Map<string, ProvenanceView>> {
  const byContact = await listFieldProvenance(
    db,
    workspaceId,
    contacts.map((c) => c.id),
  );
  const views = new Map<string, ProvenanceView>();
  for (const contact of contacts) {
    const view: ProvenanceView = {};
    for (const entry of byContact.get(contact.id) ?? []) {
      if (!sameJson(entry.value ?? null, currentValue(contact, entry.field))) continue;
      view[entry.field] = provenanceEntry(entry);
    }
    views.set(contact.id, view);
  }
  return views;
}

function provenanceEntry(entry: FieldProvenance): ProvenanceView[string] {
  return {
    connector_id: entry.connector_id,
    ...(entry.connector_name !== null ? { connector_name: entry.connector_name } : {}),
    execution_id: entry.execution_id,
    ...(entry.flow_run_id !== null ? { flow_run_id: entry.flow_run_id } : {}),
    at: entry.at.toISOString(),
  };
}
