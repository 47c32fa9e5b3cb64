import { type Kysely, sql } from 'kysely';

/**
 * Connector executions (one row per run, leased by the worker that runs it) and their node results (one
 * row per execution and node, inserted when the node finishes: recording a step is an insert, never a
 * rewrite of a growing document).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('connector_executions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('connector_id', 'uuid', (c) => c.notNull().references('connectors.id').onDelete('cascade'))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('flow_run_id', 'uuid', (c) => c.references('flow_runs.id').onDelete('set null'))
    .addColumn('status', 'varchar(20)', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status IN ('pending', 'running', 'success', 'partial', 'failed', 'timeout', 'cancelled')`),
    )
    .addColumn('mode', 'varchar(10)', (c) =>
      c.notNull().defaultTo('live').check(sql`mode IN ('live', 'test')`),
    )
    // The seed's column; node results live in execution_node_results, this may hold a copy at the end.
    .addColumn('steps_executed', 'jsonb')
    .addColumn('current_step', 'varchar(100)')
    .addColumn('input_data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('output_data', 'jsonb')
    .addColumn('error_message', 'text')
    .addColumn('error_stack', 'text')
    .addColumn('execution_time_ms', 'integer')
    .addColumn('started_at', sql`timestamptz(3)`)
    .addColumn('completed_at', sql`timestamptz(3)`)
    .addColumn('trigger_run_id', 'varchar(255)')
    // The graph as it was when the run was created, so an old run opens on its own graph.
    .addColumn('graph_snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('connector_version', 'integer', (c) => c.notNull())
    .addColumn('retry_of', 'uuid', (c) => c.references('connector_executions.id').onDelete('set null'))
    .addColumn('idempotency_key', 'varchar(255)')
    // Lease: the worker holding the run, until when, and the attempt number that fences late writes.
    .addColumn('leased_by', 'text')
    .addColumn('lease_expires_at', sql`timestamptz(3)`)
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    // NULL keys never conflict, so only requests that sent an Idempotency-Key are de-duplicated.
    .addUniqueConstraint('connector_executions_idempotency_key_unique', ['workspace_id', 'idempotency_key'])
    .execute();
  await sql`CREATE INDEX connector_executions_workspace_created_idx
    ON connector_executions (workspace_id, created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX connector_executions_connector_created_idx
    ON connector_executions (connector_id, created_at DESC, id DESC)`.execute(db);
  // The worker's claim: the oldest pending run, or a running one whose lease expired.
  await sql`CREATE INDEX connector_executions_pending_idx
    ON connector_executions (created_at, id) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX connector_executions_lease_idx
    ON connector_executions (lease_expires_at) WHERE status = 'running'`.execute(db);
  await db.schema
    .createIndex('connector_executions_status_idx')
    .on('connector_executions')
    .columns(['workspace_id', 'status'])
    .execute();
  // Foreign keys with ON DELETE SET NULL, and the retention sweep.
  await db.schema
    .createIndex('connector_executions_contact_idx')
    .on('connector_executions')
    .column('contact_id')
    .execute();
  await db.schema
    .createIndex('connector_executions_flow_run_idx')
    .on('connector_executions')
    .column('flow_run_id')
    .execute();
  await db.schema
    .createIndex('connector_executions_retry_of_idx')
    .on('connector_executions')
    .column('retry_of')
    .execute();
  await db.schema
    .createIndex('connector_executions_created_idx')
    .on('connector_executions')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('execution_node_results')
    .addColumn('execution_id', 'uuid', (c) =>
      c.notNull().references('connector_executions.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('node_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('node_name', 'text')
    .addColumn('node_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) =>
      c.notNull().check(sql`status IN ('pending', 'running', 'success', 'failed', 'skipped')`),
    )
    .addColumn('handle', 'varchar(50)')
    .addColumn('started_at', sql`timestamptz(3)`)
    .addColumn('finished_at', sql`timestamptz(3)`)
    .addColumn('duration_ms', 'integer')
    .addColumn('attempts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('edge_values', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('output', 'jsonb')
    .addColumn('error', 'jsonb')
    // Finish order: rows are inserted when a node finishes, so insertion order is finish order.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('execution_node_results_pkey', ['execution_id', 'node_id'])
    .execute();
  await db.schema
    .createIndex('execution_node_results_execution_seq_idx')
    .on('execution_node_results')
    .columns(['execution_id', 'seq'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('execution_node_results').execute();
  await db.schema.dropTable('connector_executions').execute();
}
