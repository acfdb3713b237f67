// `npm run db:migrate`: creates the database if missing, then applies pending migrations and
// records them in `_prisma_migrations` exactly as `prisma migrate deploy` would.
import { PrismaPg } from '@prisma/adapter-pg';
import { loadConfig } from '@paperboy/config';
import { ensureDatabase, redactUrl } from '../src/database-url';
import { noFilters, readMigrationsList } from './migrations-dir';
import { openSchemaEngine } from './schema-engine';

export async function migrate(databaseUrl: string): Promise<string[]> {
  if (await ensureDatabase(databaseUrl)) console.log(`Created database ${redactUrl(databaseUrl)}`);
  const engine = await openSchemaEngine(new PrismaPg({ connectionString: databaseUrl, max: 2 }));
  const { appliedMigrationNames } = await engine.applyMigrations({
    migrationsList: readMigrationsList(),
    filters: noFilters,
  });
  return appliedMigrationNames;
}

if (require.main === module) {
  const { DATABASE_URL } = loadConfig();
  migrate(DATABASE_URL)
    .then((applied) => {
      console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'No pending migrations.');
      process.exit(0);
    })
    .catch((error) => {
      console.error(`Migration failed on ${redactUrl(DATABASE_URL)}:`, error?.message ?? error);
      process.exit(1);
    });
}
