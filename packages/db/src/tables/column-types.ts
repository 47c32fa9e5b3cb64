import type { ColumnType, Generated } from 'kysely';

/** A `timestamptz(3)` column: read as `Date`, written as `Date` or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A `timestamptz(3) NOT NULL DEFAULT now()` column (optional on insert). */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A nullable `timestamptz(3)` column. */
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/**
 * A `jsonb` column holding `T` (an alias for readability: Kysely does not unwrap nested `ColumnType`s).
 * Repositories write it through `jsonb()` (an explicit cast of `JSON.stringify(value)`): `pg` would
 * otherwise send a JavaScript array as a Postgres array.
 */
export type Jsonb<T> = T;

/** A `jsonb NOT NULL DEFAULT …` column (optional on insert). */
export type GeneratedJsonb<T> = Generated<T>;

/** One encrypted secret field: AES-256-GCM with the key named by `kid`, all parts base64. */
export interface EncryptedValue {
  kid: string;
  iv: string;
  ct: string;
  tag: string;
}

/** Statuses of a connector execution or a flow run. */
export type RunStatus = 'pending' | 'running' | 'success' | 'partial' | 'failed' | 'timeout' | 'cancelled';

/** Statuses of one node in a run. */
export type NodeStatus = 'pending' | 'running' | 'success' | 'failed' | 'skipped';

/** `live` runs write the contact and count in statistics; `test` runs do neither. */
export type ExecutionMode = 'live' | 'test';

/** A member's role in a workspace. */
export type WorkspaceRole = 'owner' | 'admin' | 'member';

/** The event that starts a flow. */
export type FlowTriggerEvent = 'manual' | 'contact.created' | 'contact.updated';
