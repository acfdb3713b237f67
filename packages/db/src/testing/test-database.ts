// Integration tests get a fresh, fully migrated database each: migrations run once into a
// template database (named after a hash of the migration files, so a changed migration gets a
// new template), and each test file clones it with CREATE DATABASE ... TEMPLATE (a
// file copy, much faster than migrating).
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createDb, type Db } from '../client';
import { splitDatabaseUrl } from '../database-url';
import { committedMigrations, MIGRATIONS_DIR } from '../migration-status';

const BASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function templateName(): string {
  const hash = createHash('sha256');
  for (const name of committedMigrations())
    hash.update(name).update(readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql')));
  return `paperboy_tpl_${hash.digest('hex').slice(0, 12)}`;
}

async function ensureTemplate(admin: Client, serverUrl: string, name: string): Promise<void> {
  // An advisory lock serialises test files that start at once (jest workers, turbo tasks).
  await admin.query('SELECT pg_advisory_lock(727274)');
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
    const migrate = path.resolve(__dirname, '../../scripts/migrate.ts');
    const tsx = require.resolve('tsx/cli');
    execFileSync(process.execPath, [tsx, '--conditions=source', migrate], {
      env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, building) },
      stdio: 'pipe',
    });
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727274)');
  }
}

/** A new migrated database on the server of `serverUrl` (default: local Postgres). */
export async function createTestDatabase(serverUrl = BASE_URL): Promise<TestDatabase> {
  const { maintenanceUrl } = splitDatabaseUrl(serverUrl);
  const admin = new Client({ connectionString: maintenanceUrl });
  await admin.connect();
  const name = `paperboy_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  try {
    const template = templateName();
    await ensureTemplate(admin, serverUrl, template);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const db = createDb(url, { maxConnections: 5 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      const client = new Client({ connectionString: maintenanceUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
