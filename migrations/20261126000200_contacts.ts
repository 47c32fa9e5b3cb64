import { type Kysely, sql } from 'kysely';

/** Contacts: the records connectors enrich and flows run over. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('company', 'text')
    .addColumn('title', 'text')
    .addColumn('metadata', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Look-ups by e-mail are case-insensitive; e-mail is not unique (a CRM may hold duplicates).
  await sql`CREATE INDEX contacts_workspace_email_idx ON contacts (workspace_id, lower(email))`.execute(db);
  // Keyset pagination: newest first, id breaks ties.
  await sql`CREATE INDEX contacts_workspace_created_idx ON contacts (workspace_id, created_at DESC, id DESC)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contacts').execute();
}
