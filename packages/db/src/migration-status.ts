// Readiness needs "are all committed migrations applied?" without the schema engine: compare
// the migration folders with the rows Prisma records in `_prisma_migrations`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './client';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../prisma/migrations');

export function committedMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function pendingMigrations(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  let applied: { migration_name: string }[] = [];
  try {
    applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (error) {
    // 42P01: the table does not exist yet, so nothing has been applied.
    if (!String((error as Error).message).includes('42P01') && !/does not exist/.test(String(error))) throw error;
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return committedMigrations(dir).filter((name) => !done.has(name));
}
