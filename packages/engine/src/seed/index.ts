export { convertSeedConnector, type SeedConversion } from './convert-seed';
export { isSeedConfig, isSeedConnector } from './is-seed';
export type { SeedConnectorBody } from './read-seed';
export { type SeedStep, seedStepSchema } from './step-schema';
