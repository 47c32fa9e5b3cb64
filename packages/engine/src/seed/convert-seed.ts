import { type FieldMappings, type Graph, type GraphNode, type GraphNodeOf, graphSchema } from '../graph';
import type { GraphProblem, ProblemPath } from '../validation';
import { zodIssuesToProblems } from '../validation';
import { warning } from '../validation/problem';
import { assignNodeIds, freeId } from './node-ids';
import { type ReadSeed, readSeed, type SeedConnectorBody } from './read-seed';
import { EdgeBuilder, responseFieldPath, setOwn } from './seed-edges';
import { ROW_HEIGHT, stepToNode } from './step-node';
import { collectAndRename, type Usage } from './usages';

/** The outcome of converting the seed's list form: a canonical graph, or the problems that prevent it. */
export type SeedConversion =
  | {
      ok: true;
      config: Graph;
      /** Mirrors the output node's `fieldMappings` (empty without one). */
      field_mappings: FieldMappings;
      /** Warnings only: what the conversion had to guess. */
      problems: GraphProblem[];
    }
  | { ok: false; problems: GraphProblem[] };

/**
 * Converts the seed's list form (DESIGN §3 "Seed format") into the canonical graph: one http node per
 * step (top to bottom), an edge between consecutive steps, one more edge per reference to a non-adjacent
 * earlier step, each `outputMapping` entry on the edge(s) into the nodes that use it, and `finalMapping`
 * (or `field_mappings`) as an `output` node with `join: "any"`. Never throws on user input.
 *
 * @example
 * const result = convertSeedConnector({ type: 'multi-step', steps, finalMapping });
 * if (result.ok) save(result.config, result.field_mappings);
 */
export function convertSeedConnector(body: SeedConnectorBody): SeedConversion {
  let read: ReadSeed;
  try {
    read = readSeed(body ?? {});
  } catch (cause) {
    return { ok: false, problems: [failure(cause)] };
  }
  if (read.problems.length > 0) return { ok: false, problems: read.problems };
  try {
    return buildGraph(read);
  } catch (cause) {
    return { ok: false, problems: [failure(cause)] };
  }
}

function buildGraph(read: ReadSeed): SeedConversion {
  const { steps, mapping } = read;
  const problems: GraphProblem[] = [];
  const ids = assignNodeIds(steps.map((s) => s.step));
  const nodes: GraphNode[] = steps.map(({ step }, i) => stepToNode(step, ids.nodeIds[i] as string, i));
  steps.forEach(({ step, path }, i) => {
    if (ids.replaced[i] && step.id !== undefined) {
      problems.push(
        warning(
          'seed_step_id_replaced',
          `The step id '${String(step.id)}' is not a usable node id (invalid, reserved or repeated), so the step is ${ids.nodeIds[i]}.`,
          [...path, 'id'],
        ),
      );
    }
  });

  const hasOutput = Object.keys(mapping).length > 0;
  const outputId = hasOutput ? freeId('output', ids.nodeIds) : undefined;
  const output: GraphNodeOf<'output'> | undefined = outputId
    ? {
        id: outputId,
        type: 'output',
        position: { x: 0, y: ROW_HEIGHT * steps.length },
        data: { name: 'Update contact', join: 'any', fieldMappings: structuredClone(mapping) },
      }
    : undefined;

  // Who reads what; rewriting `{{step_N.x}}` to node ids on the way.
  const consumers = [...nodes, ...(output ? [output] : [])];
  const usagesOf = consumers.map((node) => collectAndRename(node, ids));

  const edges = new EdgeBuilder();
  for (let i = 1; i < nodes.length; i++) edges.ensure(ids.nodeIds[i - 1] as string, ids.nodeIds[i] as string);

  const used = steps.map(() => new Set<string>());
  consumers.forEach((consumer, c) => {
    for (const usage of usagesOf[c] ?? []) {
      const seedPath = seedPathOf(read, c, usage);
      if (usage.producer >= c) {
        problems.push(
          warning(
            'seed_forward_reference',
            `This reads ${ids.nodeIds[usage.producer]}, which does not run before it: only earlier steps can be used.`,
            seedPath,
          ),
        );
        continue;
      }
      const producer = steps[usage.producer]?.step;
      const outputMapping = producer?.outputMapping ?? {};
      const carried = edges.ensure(ids.nodeIds[usage.producer] as string, consumer.id);
      const names = usage.field === undefined ? Object.keys(outputMapping) : [usage.field];
      for (const name of names) {
        const expression = Object.hasOwn(outputMapping, name) ? outputMapping[name] : undefined;
        used[usage.producer]?.add(name);
        if (expression !== undefined) setOwn(carried, name, expression);
        else {
          // The seed's executor would have found nothing; carrying the response field is the likely intent.
          setOwn(carried, name, responseFieldPath(name));
          problems.push(
            warning(
              'seed_unmapped_value',
              `${ids.nodeIds[usage.producer]} has no outputMapping entry '${name}', so its response field ${name} is carried instead.`,
              seedPath,
            ),
          );
        }
      }
    }
  });

  // Entries nobody reads still travel on, so nothing the user wrote is lost.
  steps.forEach(({ step, path }, j) => {
    const next = j + 1 < steps.length ? ids.nodeIds[j + 1] : outputId;
    for (const [name, expression] of Object.entries(step.outputMapping)) {
      if (used[j]?.has(name)) continue;
      if (next) setOwn(edges.ensure(ids.nodeIds[j] as string, next), name, expression);
      else {
        problems.push(
          warning(
            'seed_unused_output',
            `Nothing uses ${ids.nodeIds[j]}'s output '${name}': map it in finalMapping or remove it.`,
            [...path, 'outputMapping', name],
          ),
        );
      }
    }
  });

  const order = new Map(consumers.map((node, i) => [node.id, i]));
  const graph = { version: 1, nodes: consumers, edges: edges.build((id) => order.get(id) ?? 0) };
  const parsed = graphSchema.safeParse(graph);
  if (!parsed.success) return { ok: false, problems: zodIssuesToProblems(parsed.error.issues) };
  const outputNode = parsed.data.nodes.find((node) => node.type === 'output');
  const fieldMappings = outputNode?.type === 'output' ? outputNode.data.fieldMappings : {};
  return { ok: true, config: parsed.data, field_mappings: fieldMappings, problems };
}

/** Where a usage sits in the body the user sent: a step field, or a `finalMapping` entry. */
function seedPathOf(read: ReadSeed, consumerIndex: number, usage: Usage): ProblemPath {
  const step = read.steps[consumerIndex];
  if (step) return [...step.path, ...usage.sitePath.slice(1)];
  return [...read.mappingPath, ...usage.sitePath.slice(2)];
}

function failure(cause: unknown): GraphProblem {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return {
    code: 'invalid_field',
    severity: 'error',
    message: `The steps could not be converted: ${detail}.`,
    path: [],
  };
}
