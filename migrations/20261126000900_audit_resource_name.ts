import type { Kysely } from 'kysely';

/**
 * The audit log names what it points at (a connector's or flow's name, a credential's service, a
 * contact's e-mail), read from the answer when the change was made, so an entry stays readable after the
 * resource is renamed or deleted.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('resource_name', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('resource_name').execute();
}
