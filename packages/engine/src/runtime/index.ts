export * from '../ports';
export * from './executor';
export * from './executors';
export { parseResponseBody } from './http-step/response-body';
export { backoffDelay, isRetryableStatus, parseRetryAfter } from './http-step/retry-policy';
export * from './node-result';
export { MASK, redactDeep, redactString, secretForms } from './redact';
export { type RunGraphOptions, type RunGraphResult, runGraph } from './scheduler';
