import { registerComponents } from './components';
import { type JsonSchema, SchemaConverter } from './json-schema';
import type { ResponseDoc, RouteDoc } from './route-doc';
import { openApiPath, operationKey, pathParams, ROUTE_TABLE, TAGS } from './route-table';

const ERROR_REF = { $ref: '#/components/schemas/Error' };

const AUTOMATIC_ERRORS = {
  400: 'validation_failed (details: [{ path, message, code }]) or bad_request (malformed JSON)',
  401: 'unauthorized: no valid session cookie or API key',
  404: 'not_found: no such resource in this workspace (another workspace’s ids and malformed ids too)',
  413: 'payload_too_large: the body is over the size limit',
} as const;

export interface BuildOptions {
  /** Keeps only the operations this returns true for (the app's served routes); default: all. */
  include?: (key: string) => boolean;
  routes?: readonly RouteDoc[];
}

/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas the routes validate with
 * (`z.toJSONSchema`). With `include`, operations the app does not serve are left out, so the document
 * never promises a route that answers 404.
 */
export function buildOpenApiDocument(options: BuildOptions = {}): JsonSchema {
  const schemas = new SchemaConverter();
  registerComponents(schemas);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of options.routes ?? ROUTE_TABLE) {
    if (options.include && !options.include(operationKey(route.method, route.path))) continue;
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = operation(route, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Connectors API',
      version: '1.0.0',
      description:
        'Build connectors — graphs of HTTP API calls — run them against contacts, and debug every run step by step. JSON in and out; snake_case fields as the seed; lists are `{ data, next_cursor }`; errors are `{ error: { code, message, details } }`, never a 500 for bad input.',
    },
    servers: [{ url: '/' }],
    tags: TAGS,
    security: [{ session: [] }, { apiKey: [] }],
    paths,
    components: {
      schemas: schemas.components,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'connectors_session',
          description: 'Set by sign-up and login. Pick the workspace with the X-Workspace-Id header.',
        },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key (ck_…): acts in its own workspace',
        },
      },
    },
  };
}

function operation(route: RouteDoc, schemas: SchemaConverter): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = pathParams(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...(route.params?.[name] ? { description: route.params[name] } : {}),
  }));
  if (route.query) {
    const query = schemas.convert(route.query, 'input');
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: 'query',
        required: required.has(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  for (const header of route.headers ?? []) {
    parameters.push({
      name: header.name,
      in: 'header',
      required: header.required ?? false,
      description: header.description,
      schema: { type: 'string' },
    });
  }
  if (!route.public) {
    parameters.push({
      name: 'X-Workspace-Id',
      in: 'header',
      required: false,
      description:
        'With a session cookie: the workspace to act in (default: your first). A GET may pass it as the ' +
        '`workspace_id` query parameter instead (for EventSource, which sends no headers).',
      schema: { type: 'string', format: 'uuid' },
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses))
    responses[status] = responseObject(response, schemas);
  for (const [status, description] of Object.entries(errorsOf(route))) {
    responses[status] = { description, content: { 'application/json': { schema: ERROR_REF } } };
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: !route.bodyOptional,
            content: {
              'application/json': {
                schema: schemas.convert(route.body, 'input'),
                ...(route.bodyExample !== undefined ? { example: route.bodyExample } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

function responseObject(response: ResponseDoc, schemas: SchemaConverter): Record<string, unknown> {
  const headers = response.headers
    ? Object.fromEntries(
        Object.entries(response.headers).map(([name, description]) => [
          name,
          { description, schema: { type: 'string' } },
        ]),
      )
    : undefined;
  return {
    description: response.description,
    ...(headers ? { headers } : {}),
    ...(response.schema
      ? {
          content: {
            [response.contentType ?? 'application/json']: {
              schema: schemas.schemaFor(response.schema, 'output'),
            },
          },
        }
      : {}),
  };
}

/** The error statuses of a route: the automatic ones its shape implies, plus its own. */
function errorsOf(route: RouteDoc): Record<number, string> {
  const errors: Record<number, string> = {};
  if (route.body || route.query) errors[400] = AUTOMATIC_ERRORS[400];
  if (!route.public) errors[401] = AUTOMATIC_ERRORS[401];
  if (pathParams(route.path).length > 0) errors[404] = AUTOMATIC_ERRORS[404];
  if (route.body) errors[413] = AUTOMATIC_ERRORS[413];
  for (const [status, description] of Object.entries(route.errors ?? {})) {
    if (description) errors[Number(status)] = description;
  }
  return errors;
}
