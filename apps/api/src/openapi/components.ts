import { fieldMappingsSchema, graphSchema, inputSchemaSchema, seedStepSchema } from '@connectors/engine';
import { connectorSchema, problemSchema } from '../schemas/connector.schema';
import { contactSchema } from '../schemas/contact.schema';
import { credentialSchema } from '../schemas/credential.schema';
import { executionSchema, stepExecutedSchema } from '../schemas/execution.schema';
import { templateSchema } from '../schemas/template.schema';
import { errorBodySchema } from './error-body.schema';
import type { SchemaConverter } from './json-schema';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The shared schemas, registered before any route so that every later use becomes a `$ref`. Parts come
 * before the wholes that contain them.
 */
export function registerComponents(schemas: SchemaConverter): void {
  schemas.component('Error', errorBodySchema);
  schemas.component('FieldMappings', fieldMappingsSchema, 'input');
  schemas.component('InputSchema', inputSchemaSchema, 'input');
  schemas.component('ConnectorGraph', graphSchema, 'input');
  schemas.component('SeedStep', seedStepSchema, 'input');
  schemas.raw('SeedStepList', {
    type: 'array',
    maxItems: 100,
    items: ref('SeedStep'),
    description:
      'The seed list form: steps run in order; later steps read earlier outputs as {{step_N.name}} (N 1-based, or the step id). Converted to the canonical graph on save.',
  });
  schemas.raw('ConnectorConfigInput', {
    description:
      'A connector config on write: the canonical graph, the seed list form (`steps` + `finalMapping`), or a single step (a config holding `url`). Stored and returned as the canonical graph.',
    oneOf: [
      ref('ConnectorGraph'),
      {
        type: 'object',
        title: 'Seed list form',
        required: ['steps'],
        properties: {
          steps: ref('SeedStepList'),
          finalMapping: ref('FieldMappings'),
          field_mappings: ref('FieldMappings'),
        },
      },
      { ...ref('SeedStep'), title: 'Single step' },
    ],
  });
  schemas.component('Problem', problemSchema);
  schemas.component('Connector', connectorSchema);
  schemas.component('ConnectorTemplate', templateSchema);
  schemas.component('Contact', contactSchema);
  schemas.component('StepExecuted', stepExecutedSchema);
  schemas.component('Execution', executionSchema);
  schemas.component('Credential', credentialSchema);
}
