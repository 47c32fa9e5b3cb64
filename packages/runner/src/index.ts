/**
 * `@connectors/runner`: runs one connector execution end to end on the engine and the database. Shared by
 * the API's local worker and the Trigger.dev task, so it holds no server and no process-global state:
 * everything it touches arrives in `RunnerDeps`.
 */
export {
  type CredentialCipher,
  CredentialDecryptError,
  createCredentialCipher,
  credentialAad,
} from './crypto/credential-cipher';
export { decryptCredentialField, encryptCredentialFields } from './crypto/credential-fields';
export {
  fingerprintKid,
  generateKeyringEntry,
  type Keyring,
  type KeyringEntry,
  parseKeyring,
} from './crypto/keyring';
export { KeyringError } from './crypto/keyring-error';
export {
  KEY_FILE_NAME,
  type LoadedKeyring,
  type LoadKeyringOptions,
  loadKeyring,
} from './crypto/load-keyring';
export { contactFields as contactInputFields, contactScope } from './flows/contact-scope';
export type { FlowRunDeps, FlowRunObserver, RunChildExecution } from './flows/flow-deps';
export { runChildInProcess } from './flows/run-child-in-process';
export { type FlowRunOutcome, type FlowRunRequest, runFlowRun } from './flows/run-flow-run';
export {
  type ContactFields,
  type InputProblem,
  type ResolvedInputs,
  resolveRunInputs,
} from './inputs/resolve-run-inputs';
export { presentStepsExecuted, type StepExecuted } from './present/steps-executed';
export { reusableNodeIds } from './retry/reusable-nodes';
export { claimAndRunExecution } from './run/claim-and-run';
export {
  CONTACT_COLUMNS,
  type ContactFieldChange,
  type ContactUpdatePlan,
  contactChanges,
  planContactUpdate,
} from './run/contact-update-plan';
export { applyOutputToContact, type ContactWriteSource } from './run/contact-writer';
export type { RunEvent, RunEventSink } from './run/run-events';
export { type RunExecutionOptions, type RunExecutionOutcome, runExecution } from './run/run-execution';
export { RunInterrupt, type StopKind } from './run/run-interrupt';
export { consoleLogger, type RunnerDeps, type RunnerLogger } from './run/runner-deps';
export {
  createSecretResolver,
  type RunSecretResolver,
  type SecretResolverOptions,
} from './secrets/secret-resolver';
export { type CredentialCandidate, pickField, workspaceCandidates } from './secrets/workspace-reference';
