// Reads prisma/migrations in the shape the schema engine expects (what the Prisma CLI sends).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
// The package is ESM-only and this workspace compiles to CommonJS, so its types are imported in
// ESM resolution mode (an import type rather than `import type ... with`, which Biome cannot parse).
type MigrationList = import('@prisma/schema-engine-wasm', { with: { 'resolution-mode': 'import' }}).MigrationList;

export const repoRoot = path.resolve(__dirname, '../../..');
export const schemaPath = path.join(repoRoot, 'prisma/schema.prisma');
export const migrationsDir = path.join(repoRoot, 'prisma/migrations');
export const noFilters = { externalTables: [], externalEnums: [] };

export function readMigrationsList(baseDir = migrationsDir): MigrationList {
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok', value: readFileSync(file, 'utf8') }
            : { tag: 'error', value: 'missing' },
        },
      };
    }),
  } as MigrationList;
}
