import {
  type Connector,
  type ConnectorFields,
  createConnector,
  type Executor,
  listConnectors,
  NameTakenError,
} from '@connectors/db';
import { ApiError } from '../errors/api-error';

const MAX_NAME = 255;
/** Inserts tried before giving up (each loses a race), and names considered at all. */
const MAX_INSERTS = 20;
const MAX_CANDIDATES = 1_000;

/** `base` with `suffix`, the base shortened so the whole stays within the 255-character column. */
export function withSuffix(base: string, suffix: string): string {
  return `${base.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
}

/** "<name> (copy)", "<name> (copy 2)", … : names for a clone. */
export function* copyNames(name: string): Generator<string> {
  yield withSuffix(name, ' (copy)');
  for (let n = 2; ; n++) yield withSuffix(name, ` (copy ${n})`);
}

/** "<name>", "<name> (2)", "<name> (3)", … : names for an installed template. */
export function* numberedNames(name: string): Generator<string> {
  yield withSuffix(name, '');
  for (let n = 2; ; n++) yield withSuffix(name, ` (${n})`);
}

/**
 * Creates the connector under the first free name of `candidates`. Names already in the workspace are
 * skipped up front; the unique constraint still decides, so two concurrent installs both succeed.
 */
export async function createWithUniqueName(
  db: Executor,
  workspaceId: string,
  fields: ConnectorFields,
  candidates: Iterable<string>,
  createdBy: string | null,
): Promise<Connector> {
  const similar = await listConnectors(db, workspaceId, { search: fields.name.slice(0, 200), limit: 200 });
  const taken = new Set(similar.data.map((row) => row.name));
  let considered = 0;
  let inserts = 0;
  for (const name of candidates) {
    if (considered++ >= MAX_CANDIDATES || inserts >= MAX_INSERTS) break;
    if (taken.has(name)) continue;
    inserts++;
    try {
      return await createConnector(db, workspaceId, { ...fields, name }, createdBy);
    } catch (error) {
      if (!(error instanceof NameTakenError)) throw error;
    }
  }
  throw new ApiError(
    409,
    'name_taken',
    `No free name like "${fields.name}" is left; rename some connectors first`,
  );
}
