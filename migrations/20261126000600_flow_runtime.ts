import { type Kysely, sql } from 'kysely';

/**
 * Flow Builder runtime: leases on flow runs (so the local worker can resume a flow run whose process
 * died), bulk runs (a connector or a flow over many contacts, resumable after a restart), and the
 * contact change log (which run changed which field, old → new: the contact's history and provenance).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('flow_runs')
    .addColumn('leased_by', 'text')
    .addColumn('lease_expires_at', sql`timestamptz(3)`)
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    // The flow graph the run was started on, so a run opens (and resumes) on the graph as it was.
    .addColumn('graph_snapshot', 'jsonb')
    .execute();
  // The local worker's claim: the oldest pending flow run, or a running one whose lease expired.
  await sql`CREATE INDEX flow_runs_pending_idx ON flow_runs (created_at, id) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`CREATE INDEX flow_runs_lease_idx ON flow_runs (lease_expires_at) WHERE status = 'running'`.execute(
    db,
  );

  await db.schema
    .createTable('bulk_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull().check(sql`kind IN ('connector', 'flow')`))
    // The connector or flow it runs; no foreign key, since it points at one of two tables.
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) =>
      c.notNull().defaultTo('running').check(sql`status IN ('running', 'completed')`),
    )
    // The contacts, fixed when the bulk run is created (a filter is resolved then), in dispatch order.
    .addColumn('contact_ids', 'jsonb', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    // How many of `contact_ids` have been handed out (items created and dispatched): the resume point.
    .addColumn('queued', 'integer', (c) => c.notNull().defaultTo(0))
    // Contacts that could not be run at all (deleted, inputs missing): counted as failed.
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', sql`timestamptz(3)`)
    .execute();
  await sql`CREATE INDEX bulk_runs_running_idx ON bulk_runs (created_at, id) WHERE status = 'running'`.execute(
    db,
  );

  await db.schema
    .alterTable('connector_executions')
    .addColumn('bulk_run_id', 'uuid', (c) => c.references('bulk_runs.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('connector_executions_bulk_run_idx')
    .on('connector_executions')
    .column('bulk_run_id')
    .execute();
  await db.schema
    .alterTable('flow_runs')
    .addColumn('bulk_run_id', 'uuid', (c) => c.references('bulk_runs.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('flow_runs_bulk_run_idx').on('flow_runs').column('bulk_run_id').execute();

  // One row per write of a run onto a contact: `changes` is [{ field, old, new }], only what changed.
  await db.schema
    .createTable('contact_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('execution_id', 'uuid', (c) => c.references('connector_executions.id').onDelete('set null'))
    .addColumn('connector_id', 'uuid', (c) => c.references('connectors.id').onDelete('set null'))
    .addColumn('flow_run_id', 'uuid', (c) => c.references('flow_runs.id').onDelete('set null'))
    // The flow's update_contact node, when the write came from one.
    .addColumn('node_id', 'varchar(100)')
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX contact_changes_contact_idx ON contact_changes (contact_id, created_at DESC, id DESC)`.execute(
    db,
  );
  await db.schema
    .createIndex('contact_changes_execution_idx')
    .on('contact_changes')
    .column('execution_id')
    .execute();
  await db.schema
    .createIndex('contact_changes_flow_run_idx')
    .on('contact_changes')
    .column('flow_run_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_changes').execute();
  await db.schema.alterTable('flow_runs').dropColumn('bulk_run_id').execute();
  await db.schema.alterTable('connector_executions').dropColumn('bulk_run_id').execute();
  await db.schema.dropTable('bulk_runs').execute();
  await sql`DROP INDEX IF EXISTS flow_runs_lease_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS flow_runs_pending_idx`.execute(db);
  await db.schema
    .alterTable('flow_runs')
    .dropColumn('graph_snapshot')
    .dropColumn('attempt')
    .dropColumn('lease_expires_at')
    .dropColumn('leased_by')
    .execute();
}
