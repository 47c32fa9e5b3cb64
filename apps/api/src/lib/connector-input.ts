import type { ConnectorFields } from '@connectors/db';
import {
  convertSeedConnector,
  fieldMappingsSchema,
  type Graph,
  isSeedConnector,
  parseGraph,
  zodIssuesToProblems,
} from '@connectors/engine';
import { ApiError } from '../errors/api-error';
import type { CreateConnectorBody } from '../schemas/connector.schema';
import { outputFieldMappings, type ProblemView, problemView } from './connector-view';
import { jsonEqual } from './json-equal';
import { problemDetails } from './problem-path';

/** What a create/update body becomes: the repository's fields, plus warnings only the write can see. */
export interface ConnectorInput {
  fields: ConnectorFields;
  /** The seed conversion's warnings (paths into the request body); validation problems come from the view. */
  warnings: ProblemView[];
}

const invalidConfig = (message: string, details: ReturnType<typeof problemDetails>) =>
  new ApiError(400, 'validation_failed', message, details);

/** `multi-step` when the graph calls more than one API, as the seed's `type` meant. */
export function connectorType(graph: Graph): 'single-step' | 'multi-step' {
  return graph.nodes.filter((node) => node.type === 'http').length > 1 ? 'multi-step' : 'single-step';
}

/**
 * Turns a validated create/update body into the connector's stored fields: the seed's list form is
 * converted to the canonical graph; a canonical `config` is shape-checked (a malformed one is a 400 with
 * paths like `config.nodes.2.data.url`). A graph that parses but has validation problems is accepted as a
 * draft: its problems are listed in the response, not thrown. Fields are copied one by one; the body is
 * never spread into the repository input.
 *
 * @throws ApiError 400 when the config cannot be read, or `field_mappings` contradicts the output node.
 */
export function readConnectorBody(body: CreateConnectorBody): ConnectorInput {
  const { graph, warnings } = readGraph(body);
  return {
    fields: {
      name: body.name,
      description: body.description ?? null,
      icon: body.icon ?? null,
      category: body.category ?? null,
      type: connectorType(graph),
      config: graph,
      input_schema: body.input_schema ?? null,
      field_mappings: outputFieldMappings(graph),
      enabled: body.enabled ?? true,
      timeout_ms: body.timeout_ms ?? 30_000,
      max_retries: body.max_retries ?? 3,
      continue_on_error: body.continue_on_error ?? false,
    },
    warnings,
  };
}

function readGraph(body: CreateConnectorBody): { graph: Graph; warnings: ProblemView[] } {
  if (isSeedConnector(body)) {
    const converted = convertSeedConnector({
      config: body.config,
      steps: body.steps,
      finalMapping: body.finalMapping,
      field_mappings: body.field_mappings,
      type: body.type,
    });
    if (!converted.ok) {
      throw invalidConfig('The steps cannot be converted to a graph', problemDetails(converted.problems));
    }
    return {
      graph: converted.config,
      warnings: converted.problems.map((problem) => problemView(problem, [])),
    };
  }
  if (body.steps !== undefined) {
    throw invalidConfig('Send either `steps` (the list form) or a canonical `config`, not both', [
      {
        path: 'steps',
        message: 'Remove `steps` or send the graph without `nodes`',
        code: 'ambiguous_config',
      },
    ]);
  }
  const parsed = parseGraph(body.config);
  if (!parsed.graph)
    throw invalidConfig('The connector graph is malformed', problemDetails(parsed.problems, ['config']));
  checkMirroredMappings(parsed.graph, body);
  return { graph: parsed.graph, warnings: [] };
}

/**
 * With a canonical graph the output node is the truth for field mappings (DESIGN §3); a `field_mappings`
 * (or `finalMapping`) sent beside it may only repeat it, so a stale copy from the client cannot win silently.
 */
function checkMirroredMappings(graph: Graph, body: CreateConnectorBody): void {
  const [sent, path] =
    body.finalMapping !== undefined
      ? [body.finalMapping, 'finalMapping']
      : [body.field_mappings, 'field_mappings'];
  if (sent === undefined || sent === null) return;
  const parsed = fieldMappingsSchema.safeParse(sent);
  if (!parsed.success) {
    throw invalidConfig(
      `${path} is malformed`,
      problemDetails(zodIssuesToProblems(parsed.error.issues), [path]),
    );
  }
  const truth = outputFieldMappings(graph);
  if (jsonEqual(parsed.data, truth)) return;
  const outputIndex = graph.nodes.findIndex((node) => node.type === 'output');
  const where = outputIndex >= 0 ? `config.nodes.${outputIndex}.data.fieldMappings` : 'an output node';
  throw new ApiError(
    400,
    'field_mappings_mismatch',
    `${path} differs from the graph's output node, which is the truth for field mappings: edit ${where} or leave ${path} out`,
    [{ path, message: `Must equal ${where} (or be omitted)`, code: 'field_mappings_mismatch' }],
  );
}
