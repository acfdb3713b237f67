// Which PostgreSQL `npm start` uses: the configured one, or the embedded PGlite it serves -
// when asked (DATABASE_URL=embedded, on EMBEDDED_DATABASE_PORT), or when DATABASE_URL is unset
// and nothing answers on 127.0.0.1:5432 (served on 5432 itself, so the CLI in another terminal
// finds it at the default address). Never in production.
import type { Config } from '@paperboy/config';

export const LOCAL_POSTGRES_PORT = 5432;

type Choice = Pick<Config, 'embeddedDatabase' | 'unset' | 'isProduction' | 'EMBEDDED_DATABASE_PORT'>;

/** The port to serve the embedded database on, or undefined to use DATABASE_URL as it is. */
export async function embeddedDatabasePort(
  config: Choice,
  postgresAnswers: () => Promise<boolean>,
): Promise<number | undefined> {
  if (config.embeddedDatabase) return config.EMBEDDED_DATABASE_PORT;
  if (!config.unset.database || config.isProduction) return undefined;
  return (await postgresAnswers()) ? undefined : LOCAL_POSTGRES_PORT;
}
