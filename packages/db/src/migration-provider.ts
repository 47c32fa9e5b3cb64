import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration, MigrationProvider } from 'kysely';

/**
 * Kysely's `FileMigrationProvider`, with the `import()` in this package's source instead of in
 * `node_modules/kysely`: vitest transforms (and so can load `.ts`) only imports made from source files,
 * and tsx handles both. Same rules: every `.ts`/`.js`/`.mts`/`.mjs` file (not `.d.ts`) of the folder,
 * named by its file name without extension, run in name order by the `Migrator`.
 */
export class TsFileMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const fileName of await fs.readdir(this.folder)) {
      if (fileName.endsWith('.d.ts') || !/\.(m?ts|m?js)$/.test(fileName)) continue;
      const module = (await import(pathToFileURL(path.join(this.folder, fileName)).href)) as {
        default?: unknown;
      };
      const migration = isMigration(module) ? module : module.default;
      if (!isMigration(migration)) throw new Error(`Migration ${fileName} does not export up()`);
      migrations[fileName.replace(/\.(m?ts|m?js)$/, '')] = migration;
    }
    return migrations;
  }
}

function isMigration(value: unknown): value is Migration {
  return typeof value === 'object' && value !== null && typeof (value as { up?: unknown }).up === 'function';
}
