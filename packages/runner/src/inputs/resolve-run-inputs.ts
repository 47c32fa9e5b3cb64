import { type InputField, inputSchemaSchema } from '@connectors/engine';

/** A problem with one input, with its path in the request (`inputs.email`). */
export interface InputProblem {
  path: string;
  message: string;
  code: 'required' | 'invalid_type';
}

export type ResolvedInputs =
  | { ok: true; inputs: Record<string, unknown> }
  | { ok: false; problems: InputProblem[] };

/** The contact's fields an input of the same name falls back to. */
export type ContactFields = Record<string, unknown> & { metadata?: unknown };

function typeOf(value: unknown): InputField['type'] | 'other' {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'other';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return 'object';
  return 'other';
}

const article = (type: string) => (/^[aeiou]/.test(type) ? 'an' : 'a');

/** The contact's value for an input name: a column (`email`), else a top-level `metadata` key. */
function contactValue(contact: ContactFields | undefined, name: string): unknown {
  if (!contact) return undefined;
  if (name !== 'metadata' && Object.hasOwn(contact, name)) return contact[name];
  const metadata = contact.metadata;
  if (metadata && typeof metadata === 'object' && Object.hasOwn(metadata, name)) {
    return (metadata as Record<string, unknown>)[name];
  }
  return undefined;
}

/**
 * Checks a run's inputs against the connector's `input_schema` (issue 3 item 9): every required field
 * present, every present field of its declared type. A missing input falls back to the contact's field
 * of the same name (`email` → the contact's e-mail) when that has the right type. Inputs the schema
 * does not declare are passed through. An unreadable `input_schema` declares nothing.
 *
 * @example
 * resolveRunInputs({ fields: [{ name: 'email', type: 'string', required: true }] }, {}, { email: 'a@b.c' })
 * // { ok: true, inputs: { email: 'a@b.c' } }
 */
export function resolveRunInputs(
  inputSchema: unknown,
  inputs: Record<string, unknown> | undefined,
  contact?: ContactFields,
): ResolvedInputs {
  const schema = inputSchemaSchema.safeParse(inputSchema ?? { fields: [] });
  const fields = schema.success ? schema.data.fields : [];
  const resolved: Record<string, unknown> = { ...(inputs ?? {}) };
  const problems: InputProblem[] = [];
  for (const field of fields) {
    const path = `inputs.${field.name}`;
    let value = resolved[field.name];
    if (value === undefined || value === null) {
      const fallback = contactValue(contact, field.name);
      if (fallback !== undefined && fallback !== null && typeOf(fallback) === field.type) {
        value = fallback;
        resolved[field.name] = fallback;
      }
    }
    if (value === undefined || value === null) {
      if (field.required) {
        problems.push({ path, code: 'required', message: `${field.label ?? field.name} is required` });
      }
      continue;
    }
    if (typeOf(value) !== field.type) {
      problems.push({
        path,
        code: 'invalid_type',
        message: `must be ${article(field.type)} ${field.type}, not ${typeOf(value) === 'other' ? 'this value' : `${article(typeOf(value))} ${typeOf(value)}`}`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, inputs: resolved };
}
