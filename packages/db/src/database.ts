import type { Kysely } from 'kysely';
import type { ApiKeyTable } from './tables/api-key.table';
import type { AuditLogTable } from './tables/audit-log.table';
import type { BulkRunTable } from './tables/bulk-run.table';
import type { ConnectorTable } from './tables/connector.table';
import type { ConnectorExecutionTable } from './tables/connector-execution.table';
import type { ConnectorTemplateTable } from './tables/connector-template.table';
import type { ContactTable } from './tables/contact.table';
import type { ContactChangeTable } from './tables/contact-change.table';
import type { ExecutionNodeResultTable } from './tables/execution-node-result.table';
import type { WorkspaceExecutionQuotaTable } from './tables/execution-quota.table';
import type { FlowTable } from './tables/flow.table';
import type { FlowRunTable } from './tables/flow-run.table';
import type { SessionTable } from './tables/session.table';
import type { UserTable } from './tables/user.table';
import type { WorkspaceTable } from './tables/workspace.table';
import type { WorkspaceApiCredentialTable } from './tables/workspace-api-credential.table';
import type { WorkspaceMemberTable } from './tables/workspace-member.table';

/** Every table, keyed by its SQL name. Columns are snake_case, as in the API. */
export interface Database {
  users: UserTable;
  workspaces: WorkspaceTable;
  workspace_members: WorkspaceMemberTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  contacts: ContactTable;
  connectors: ConnectorTable;
  connector_templates: ConnectorTemplateTable;
  workspace_api_credentials: WorkspaceApiCredentialTable;
  flows: FlowTable;
  flow_runs: FlowRunTable;
  connector_executions: ConnectorExecutionTable;
  execution_node_results: ExecutionNodeResultTable;
  bulk_runs: BulkRunTable;
  contact_changes: ContactChangeTable;
  workspace_execution_quotas: WorkspaceExecutionQuotaTable;
  audit_log: AuditLogTable;
}

/**
 * What repositories take first: the database or a transaction (`Transaction<Database>` extends it).
 * On PGlite, code inside a transaction must use the transaction, never the outer `db`: PGlite has one
 * connection, so a query on `db` would wait for the transaction that waits for it.
 */
export type Executor = Kysely<Database>;
