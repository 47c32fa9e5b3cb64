import type { JsonSchema } from './json-schema';

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Escaped text with its `backticked` parts as <code>, as the descriptions are written. */
export function richText(text: unknown): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const componentName = (ref: string) => ref.replace('#/components/schemas/', '');

/** A one-line summary of a schema's type: `string`, `integer`, `array of Connector`, `string | null`… */
export function typeLabel(schema: JsonSchema): string {
  if (typeof schema.$ref === 'string') {
    const name = componentName(schema.$ref);
    return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`;
  }
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return variants.map(typeLabel).join(' | ');
  if (schema.const !== undefined) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  if (Array.isArray(schema.enum))
    return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type as string | undefined);
  if (type === 'array' && schema.items) return `array of ${typeLabel(schema.items as JsonSchema)}`;
  if (type === 'object' && !schema.properties && schema.additionalProperties) {
    return `map of ${typeLabel(schema.additionalProperties as JsonSchema)}`;
  }
  return escapeHtml(type ?? 'any');
}

/** Constraints worth showing beside a field: bounds, patterns, formats and defaults. */
function constraints(schema: JsonSchema): string {
  const parts: string[] = [];
  const add = (label: string, key: string) => {
    if (schema[key] !== undefined) parts.push(`${label} ${escapeHtml(JSON.stringify(schema[key]))}`);
  };
  add('format', 'format');
  add('min', 'minimum');
  add('max', 'maximum');
  add('min length', 'minLength');
  add('max length', 'maxLength');
  add('max items', 'maxItems');
  add('pattern', 'pattern');
  add('default', 'default');
  return parts.length > 0 ? `<span class="constraints">${parts.join(' · ')}</span>` : '';
}

/** The object schema inside a nullable/optional wrapper, if any, so its fields can be listed. */
function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return variants?.find((variant) => variant.properties);
}

/**
 * A schema as a nested field list: each property with its type, whether it is required, its description
 * and constraints; nested objects expand up to `depth` levels, components are links.
 */
export function renderSchema(schema: JsonSchema, depth = 3): string {
  const object = objectOf(schema);
  if (!object || depth === 0) {
    const description = schema.description ? ` — ${richText(schema.description)}` : '';
    return `<p class="type">${typeLabel(schema)}${description} ${constraints(schema)}</p>`;
  }
  const required = new Set((object.required as string[] | undefined) ?? []);
  const rows = Object.entries(object.properties as Record<string, JsonSchema>).map(([name, property]) => {
    const nested = objectOf(property) && !property.$ref ? renderSchema(property, depth - 1) : '';
    const description = property.description
      ? `<div class="desc">${richText(property.description)}</div>`
      : '';
    return `<li><code class="field">${escapeHtml(name)}</code>${required.has(name) ? '<span class="req">required</span>' : ''} <span class="type">${typeLabel(property)}</span> ${constraints(property)}${description}${nested}</li>`;
  });
  return `<ul class="fields">${rows.join('')}</ul>`;
}
