import { type Kysely, sql } from 'kysely';

/** Flow Builder: flows (graphs over contacts) and their runs. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('flows')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('config', 'jsonb', (c) => c.notNull())
    .addColumn('trigger_event', 'varchar(50)', (c) =>
      c
        .notNull()
        .defaultTo('manual')
        .check(sql`trigger_event IN ('manual', 'contact.created', 'contact.updated')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX flows_workspace_created_idx ON flows (workspace_id, created_at DESC, id DESC)`.execute(
    db,
  );
  // Finding the flows a contact event starts.
  await sql`CREATE INDEX flows_workspace_trigger_idx ON flows (workspace_id, trigger_event) WHERE enabled`.execute(
    db,
  );

  await db.schema
    .createTable('flow_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('flow_id', 'uuid', (c) => c.notNull().references('flows.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('status', 'varchar(20)', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status IN ('pending', 'running', 'success', 'partial', 'failed', 'timeout', 'cancelled')`),
    )
    // What started the run: 'manual', 'contact.created' or 'contact.updated'.
    .addColumn('trigger_event', 'varchar(50)', (c) => c.notNull().defaultTo('manual'))
    .addColumn('flow_version', 'integer')
    .addColumn('steps_executed', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('error_message', 'text')
    .addColumn('started_at', sql`timestamptz(3)`)
    .addColumn('completed_at', sql`timestamptz(3)`)
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX flow_runs_flow_created_idx ON flow_runs (flow_id, created_at DESC, id DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX flow_runs_workspace_created_idx ON flow_runs (workspace_id, created_at DESC, id DESC)`.execute(
    db,
  );
  await db.schema.createIndex('flow_runs_contact_idx').on('flow_runs').column('contact_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('flow_runs').execute();
  await db.schema.dropTable('flows').execute();
}
