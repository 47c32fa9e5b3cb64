import type { GraphInput, InputSchema } from '@connectors/engine';

/** A connector template as shipped with the app; `seedTemplates` stores it in `connector_templates`. */
export interface TemplateDefinition {
  /** Unique among templates; the installed connector's name (plus " (2)" … if taken). */
  name: string;
  description: string;
  /** An emoji. */
  icon: string;
  category: string;
  is_featured?: boolean;
  /** The canonical graph (DESIGN §3). Secrets only as `{{workspace.<service>_token}}`. */
  config: GraphInput;
  input_schema: InputSchema;
}

/** `{ key, value }` rows, the shape of http nodes' `queryParams` and `headers`. */
export function rows(record: Record<string, string>): { key: string; value: string }[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

/** The retry policy shipped templates use: three attempts, exponential backoff (DESIGN §3). */
export const TEMPLATE_RETRY = { maxAttempts: 3, factor: 2, minDelayMs: 1_000, maxDelayMs: 10_000 };
