/**
 * `@connectors/engine`: the graph model, validation, the seed's list format and expressions. Safe to
 * import in the browser. The runner lives at `@connectors/engine/runtime`, the guarded HTTP client at
 * `@connectors/engine/http`.
 */
export * from './expressions';
export { LruCache } from './expressions/lru-cache';
export * from './graph';
export type * from './runtime/node-result';
export * from './seed';
export * from './validation';
