import { type Kysely, sql } from 'kysely';

/**
 * When each delay node of a flow run is due (`{ "<nodeId>": "<ISO time>" }`), written when the delay
 * starts: a run resumed after a restart (or a retried Trigger.dev attempt) waits only what is left.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('flow_runs')
    .addColumn('delays', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never see the app\'s Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('flow_runs').dropColumn('delays').execute();
}
