// `npm run db:migrate`: creates the database if missing, then applies pending migrations and
// records them in `_prisma_migrations` exactly as `prisma migrate deploy` would.
import { PrismaPg } from '@prisma/adapter-pg';
import { loadConfig } from '@paperboy/config';
import { ensureDatabase, redactUrl } from '../src/database-url';
import { noFilters, readMigrationsList } from './migrations-dir';
import { openSchemaEngine } from './schema-engine';

/** `embedded`: PGlite has its one database already, and serves one connection at a time. */
export async function migrate(databaseUrl: string, options: { embedded?: boolean } = {}): Promise<string[]> {
  if (!options.embedded && (await ensureDatabase(databaseUrl)))
    console.log(`Created database ${redactUrl(databaseUrl)}`);
  const engine = await openSchemaEngine(new PrismaPg({ connectionString: databaseUrl, max: options.embedded ? 1 : 2 }));
  const { appliedMigrationNames } = await engine.applyMigrations({
    migrationsList: readMigrationsList(),
    filters: noFilters,
  });
  return appliedMigrationNames;
}

if (require.main === module) {
  const { DATABASE_URL, embeddedDatabase } = loadConfig();
  migrate(DATABASE_URL, { embedded: embeddedDatabase })
    .then((applied) => {
      console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'No pending migrations.');
      process.exit(0);
    })
    .catch((error) => {
      console.error(`Migration failed on ${redactUrl(DATABASE_URL)}:`, error?.message ?? error);
      process.exit(1);
    });
}
