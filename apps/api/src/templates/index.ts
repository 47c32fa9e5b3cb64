export { ensureTemplatesSeeded, seedTemplates, templateInput } from './seed-templates';
export { CONNECTOR_TEMPLATES } from './template-catalog';
export type { TemplateDefinition } from './template-definition';
