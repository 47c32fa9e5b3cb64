export {
  type CreateDatabaseOptions,
  createDatabase,
  type DatabaseHandle,
  DEFAULT_PGLITE_DATA_DIR,
} from './create-database';
export type { Database, Executor } from './database';
export { AlreadyMemberError } from './errors/already-member.error';
export { DbError } from './errors/db.error';
export { EmailTakenError } from './errors/email-taken.error';
export { InvalidCursorError } from './errors/invalid-cursor.error';
export { NameTakenError } from './errors/name-taken.error';
export { StaleVersionError } from './errors/stale-version.error';
export { isUniqueViolation } from './errors/unique-violation';
export {
  createMigrator,
  MIGRATIONS_FOLDER,
  type MigrationLogger,
  migrateDownToZero,
  migrateToLatest,
} from './migrator';
export {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  type KeysetPosition,
  MAX_PAGE_SIZE,
  type Page,
  type PageOptions,
} from './pagination/keyset-cursor';
export * from './repositories/api-key.repository';
export * from './repositories/audit.repository';
export * from './repositories/bulk-run.repository';
export * from './repositories/connector.repository';
export * from './repositories/contact.repository';
export * from './repositories/contact-change.repository';
export * from './repositories/credential.repository';
export * from './repositories/credential-hosts.repository';
export * from './repositories/execution.repository';
export * from './repositories/execution-claim.repository';
export * from './repositories/execution-finish.repository';
export * from './repositories/execution-lease.repository';
export * from './repositories/execution-run-context.repository';
export * from './repositories/flow.repository';
export * from './repositories/flow-run.repository';
export * from './repositories/node-result.repository';
export * from './repositories/node-result-batch.repository';
export * from './repositories/quota.repository';
export * from './repositories/quota-claim.repository';
export * from './repositories/session.repository';
export * from './repositories/template.repository';
export * from './repositories/user.repository';
export * from './repositories/workspace.repository';
export { jsonb, nullableJsonb } from './sql/jsonb';
export { isJsonObject, mergePatch } from './sql/merge-patch';
export { QueryCounter } from './sql/query-counter';
export { withTransaction } from './sql/with-transaction';
export type * from './tables/api-key.table';
export type * from './tables/audit-log.table';
export type * from './tables/bulk-run.table';
export type * from './tables/column-types';
export type * from './tables/connector.table';
export type * from './tables/connector-execution.table';
export type * from './tables/connector-template.table';
export type * from './tables/contact.table';
export type * from './tables/contact-change.table';
export type * from './tables/execution-node-result.table';
export type * from './tables/execution-quota.table';
export type * from './tables/flow.table';
export type * from './tables/flow-run.table';
export type * from './tables/session.table';
export type * from './tables/user.table';
export type * from './tables/workspace.table';
export type * from './tables/workspace-api-credential.table';
export type * from './tables/workspace-member.table';
