import { type Kysely, sql } from 'kysely';

/** Connectors, connector templates and the workspace's encrypted API credentials. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('connectors')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('icon', 'varchar(50)')
    .addColumn('category', 'varchar(100)')
    .addColumn('type', 'varchar(20)', (c) => c.notNull().defaultTo('single-step'))
    // The canonical graph { version, nodes, edges }.
    .addColumn('config', 'jsonb', (c) => c.notNull())
    .addColumn('input_schema', 'jsonb')
    .addColumn('field_mappings', 'jsonb')
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('timeout_ms', 'integer', (c) => c.notNull().defaultTo(30000))
    .addColumn('max_retries', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('continue_on_error', 'boolean', (c) => c.notNull().defaultTo(false))
    // Optimistic concurrency: every update must name the version it read.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('total_executions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('successful_executions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_executions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_executed_at', sql`timestamptz(3)`)
    .addUniqueConstraint('connectors_workspace_name_unique', ['workspace_id', 'name'])
    .execute();
  await sql`CREATE INDEX connectors_workspace_created_idx ON connectors (workspace_id, created_at DESC, id DESC)`.execute(
    db,
  );
  await db.schema
    .createIndex('connectors_workspace_category_idx')
    .on('connectors')
    .columns(['workspace_id', 'category'])
    .execute();

  await db.schema
    .createTable('connector_templates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('icon', 'varchar(50)')
    .addColumn('category', 'varchar(100)')
    .addColumn('type', 'varchar(20)', (c) => c.notNull().defaultTo('single-step'))
    .addColumn('config', 'jsonb', (c) => c.notNull())
    .addColumn('input_schema', 'jsonb')
    .addColumn('field_mappings', 'jsonb')
    .addColumn('is_featured', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('usage_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('connector_templates_name_unique', ['name'])
    .execute();

  await db.schema
    .createTable('workspace_api_credentials')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('service_name', 'varchar(100)', (c) => c.notNull())
    // { <field>: { kid, iv, ct, tag } }: AES-256-GCM per field, kid names the key for rotation.
    .addColumn('credentials', 'jsonb', (c) => c.notNull())
    // Hosts the credential may be sent to; an empty list means it is never attached.
    .addColumn('allowed_hosts', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', sql`timestamptz(3)`)
    .addUniqueConstraint('workspace_api_credentials_unique', ['workspace_id', 'service_name'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workspace_api_credentials').execute();
  await db.schema.dropTable('connector_templates').execute();
  await db.schema.dropTable('connectors').execute();
}
