// Computes the SQL that takes the committed migrations to a schema.prisma, with no database
// server: the migrations are replayed into an in-process PGlite (Postgres in WebAssembly), and
// the engine diffs that database against the datamodel. (Diffing against a real Postgres through
// the pg adapter fails on pg_catalog types, Prisma issue #27403.)
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { noFilters, readMigrationsList, repoRoot } from './migrations-dir';
import { openSchemaEngine } from './schema-engine';

export async function diffSchema(schemaFile: string, migrationsDir?: string): Promise<string> {
  const pglite = new PGlite();
  try {
    const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
    const engine = await openSchemaEngine(factory);
    await engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDir), filters: noFilters });
    const files = [{ path: schemaFile, content: readFileSync(schemaFile, 'utf8') }];
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: repoRoot },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: noFilters,
    } as Parameters<typeof engine.diff>[0]);
    const sql = result.stdout ?? '';
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
  } finally {
    await pglite.close();
  }
}
