import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

const ref = (name: string) => `#/components/schemas/${name}`;

/**
 * Converts zod schemas to OpenAPI 3.1 (JSON Schema 2020-12) with `z.toJSONSchema`, turning registered
 * schemas into `$ref`s to `components.schemas`. A field may name the component that documents it better
 * than its validator with `.meta({ 'x-doc-ref': 'Name' })` (e.g. `config`, checked by the engine after
 * the body schema).
 */
export class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};
  private readonly named = new Map<unknown, string>();

  /** Adds a component (once) and answers a `$ref` to it. */
  component(name: string, schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
    if (!this.components[name]) {
      this.named.set(schema, name);
      this.components[name] = {};
      this.components[name] = this.convert(schema, io, schema);
    }
    return { $ref: ref(name) };
  }

  /** Adds a hand-written component (e.g. a `oneOf` of other components). */
  raw(name: string, schema: JsonSchema): JsonSchema {
    this.components[name] ??= schema;
    return { $ref: ref(name) };
  }

  /** A `$ref` when `schema` is a registered component, else its converted JSON Schema. */
  schemaFor(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const name = this.named.get(schema);
    return name ? { $ref: ref(name) } : this.convert(schema, io);
  }

  /** The JSON Schema of `schema`; registered sub-schemas become `$ref`s. */
  convert(schema: z.ZodType, io: 'input' | 'output', root: z.ZodType = schema): JsonSchema {
    const result = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      override: (ctx) => {
        const json = ctx.jsonSchema as JsonSchema;
        const meta = z.globalRegistry.get(ctx.zodSchema) as JsonSchema | undefined;
        const docRef = meta?.['x-doc-ref'];
        delete json['x-doc-ref'];
        const zodSchema: unknown = ctx.zodSchema;
        const name =
          typeof docRef === 'string' ? docRef : zodSchema === root ? undefined : this.named.get(zodSchema);
        if (!name) return;
        const { description } = json;
        for (const key of Object.keys(json)) delete json[key];
        json.$ref = ref(name);
        if (description !== undefined) json.description = description;
      },
    }) as JsonSchema;
    delete result.$schema;
    return tidy(result) as JsonSchema;
  }
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Removes what zod emits but a reader does not need: the ±2^53 bounds of every integer, the regex that
 * duplicates a `format` (uuid, date-time, email), and a schema's own keywords beside a `$ref` to its
 * component (zod merges a refined schema with the schema it refines).
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (typeof value !== 'object' || value === null) return value;
  const json = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, tidy(child)]),
  ) as JsonSchema;
  if (json.minimum === -SAFE) delete json.minimum;
  if (json.maximum === SAFE) delete json.maximum;
  if (typeof json.format === 'string' && typeof json.pattern === 'string') delete json.pattern;
  if (typeof json.$ref === 'string' && json.$ref.startsWith('#/components/schemas/')) {
    return { $ref: json.$ref, ...(json.description !== undefined ? { description: json.description } : {}) };
  }
  return json;
}
