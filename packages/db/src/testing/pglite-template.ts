import { createHash } from 'node:crypto';
import { existsSync, promises as fs, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../create-database';
import { MIGRATIONS_FOLDER, migrateToLatest } from '../migrator';

const silent = { info: () => {}, error: () => {} };
const STALE_LOCK_MS = 180_000;

let memo: Promise<Blob> | undefined;

/**
 * A tarball of a freshly migrated PGlite data directory, cached in the OS temp dir and keyed by the
 * PGlite build and the migrations' contents. A new PGlite runs `initdb` in WebAssembly (10–15 s);
 * starting from this tarball takes a few seconds, so every test file can still have its own in-memory
 * database. One process builds it while the others wait on a lock directory.
 */
export function pgliteTemplate(): Promise<Blob> {
  memo ??= loadOrBuild();
  return memo;
}

async function loadOrBuild(): Promise<Blob> {
  const dir = path.join(os.tmpdir(), 'connectors-db-pglite-templates');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${await templateKey()}.tar`);
  if (existsSync(file)) return new Blob([await fs.readFile(file)]);
  const lock = `${file}.lock`;
  for (;;) {
    try {
      await fs.mkdir(lock);
      break;
    } catch {
      if (existsSync(file)) return new Blob([await fs.readFile(file)]);
      if (isStale(lock)) await fs.rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (existsSync(file)) return new Blob([await fs.readFile(file)]);
    const { handle, client } = await openPglite({});
    try {
      await migrateToLatest(handle.db, silent);
      const tarball = await client.dumpDataDir('none');
      const partial = `${file}.${process.pid}.partial`;
      await fs.writeFile(partial, new Uint8Array(await tarball.arrayBuffer()));
      await fs.rename(partial, file);
      return tarball;
    } finally {
      await handle.close();
    }
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  // pnpm's store path of the resolved module names the PGlite version.
  hash.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (const name of (await fs.readdir(MIGRATIONS_FOLDER)).sort()) {
    if (!/\.(m?ts|m?js)$/.test(name)) continue;
    hash.update(name);
    hash.update(await fs.readFile(path.join(MIGRATIONS_FOLDER, name)));
  }
  return hash.digest('hex').slice(0, 32);
}
