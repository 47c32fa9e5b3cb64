export * from './executor';
export * from './executors';
export * from './node-result';
export { MASK, redactDeep, redactString, secretForms } from './redact';
export { type RunGraphOptions, type RunGraphResult, runGraph } from './scheduler';
export { backoffDelay, isRetryableStatus, parseRetryAfter } from './http-step/retry-policy';
export { parseResponseBody } from './http-step/response-body';
export * from '../ports';
