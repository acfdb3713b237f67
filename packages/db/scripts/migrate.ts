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

/**
 * The default DATABASE_URL (postgres, no password) works only where PostgreSQL trusts local
 * connections; stock Debian/Ubuntu (password on TCP) and Homebrew (no postgres role) refuse it.
 */
export function authHint(error: { code?: unknown; message?: unknown }): string | undefined {
  const refused =
    error.code === '28P01' ||
    error.code === '28000' ||
    /password authentication failed|role "[^"]*" does not exist|no pg_hba\.conf entry|client password must be a string/i.test(
      String(error.message ?? ''),
    );
  if (!refused) return undefined;
  return 'PostgreSQL refused the user of DATABASE_URL. The default (postgres, no password) works only where PostgreSQL trusts local connections, not on stock Debian/Ubuntu or Homebrew: README, Quick start, has the one-line fix for each.';
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
      const hint = error && authHint(error);
      if (hint) console.error(hint);
      process.exit(1);
    });
}
