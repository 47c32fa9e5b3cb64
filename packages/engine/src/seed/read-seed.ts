import type { FieldMappings } from '../graph';
import type { GraphProblem, ProblemPath } from '../validation';
import { zodIssuesToProblems } from '../validation';
import { isRecord } from './is-seed';
import { type SeedStep, seedMappingSchema, seedStepSchema } from './step-schema';

/** The body of a create/update request in the seed's form, as the API hands it over. */
export interface SeedConnectorBody {
  config?: unknown;
  steps?: unknown;
  finalMapping?: unknown;
  field_mappings?: unknown;
  type?: unknown;
}

/** A step that parsed, with where it came from (for problem paths). */
export interface ReadStep {
  step: SeedStep;
  path: ProblemPath;
}

export interface ReadSeed {
  steps: ReadStep[];
  mapping: FieldMappings;
  mappingPath: ProblemPath;
  problems: GraphProblem[];
}

/**
 * Finds and parses the steps (top-level `steps`, `config.steps`, or a `config` that is itself one step)
 * and the mapping (`finalMapping`, else `field_mappings`, at the top level or in `config`).
 * Every malformed part becomes a problem with its path; nothing throws.
 */
export function readSeed(body: SeedConnectorBody): ReadSeed {
  const problems: GraphProblem[] = [];
  const config = isRecord(body.config) ? body.config : undefined;

  let rawSteps: { value: unknown; path: ProblemPath }[] = [];
  let listPath: ProblemPath = ['steps'];
  const list = body.steps !== undefined ? body.steps : config?.steps;
  if (list !== undefined) {
    listPath = body.steps !== undefined ? ['steps'] : ['config', 'steps'];
    if (Array.isArray(list)) rawSteps = list.map((value, i) => ({ value, path: [...listPath, i] }));
    else problems.push(problem('invalid_field', 'steps must be a list of steps.', listPath));
  } else if (config && 'url' in config) {
    rawSteps = [{ value: config, path: ['config'] }];
  }
  if (rawSteps.length === 0 && problems.length === 0) {
    problems.push(
      problem('seed_no_steps', 'The connector has no steps: add at least one request.', listPath),
    );
  }

  const steps: ReadStep[] = [];
  for (const { value, path } of rawSteps) {
    if (!isRecord(value)) {
      problems.push(problem('invalid_field', 'Each step must be an object with at least a url.', path));
      continue;
    }
    const parsed = seedStepSchema.safeParse(value);
    if (parsed.success) steps.push({ step: parsed.data, path });
    else problems.push(...zodIssuesToProblems(parsed.error.issues, path));
  }

  const { mapping, mappingPath } = readMapping(body, config, problems);
  return { steps, mapping, mappingPath, problems };
}

/** `finalMapping` is the seed's name for `field_mappings`; the first one present wins. */
function readMapping(
  body: SeedConnectorBody,
  config: Record<string, unknown> | undefined,
  problems: GraphProblem[],
) {
  const candidates: [unknown, ProblemPath][] = [
    [body.finalMapping, ['finalMapping']],
    [config?.finalMapping, ['config', 'finalMapping']],
    [body.field_mappings, ['field_mappings']],
    [config?.field_mappings, ['config', 'field_mappings']],
  ];
  const found = candidates.find(([value]) => value !== undefined && value !== null);
  if (!found) return { mapping: {}, mappingPath: ['finalMapping'] };
  const [value, mappingPath] = found;
  const parsed = seedMappingSchema.safeParse(value);
  if (parsed.success) return { mapping: parsed.data, mappingPath };
  problems.push(...zodIssuesToProblems(parsed.error.issues, mappingPath));
  return { mapping: {}, mappingPath };
}

function problem(code: string, message: string, path: ProblemPath): GraphProblem {
  return { code, severity: 'error', message, path };
}
