export { type DialectContext, describeEachDialect } from './describe-each-dialect';
export { EMPTY_GRAPH, seedConnector, seedWorkspace } from './fixtures';
export {
  adminDatabaseUrl,
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
  type TestDialect,
} from './test-database';
