// Where PostgreSQL and Redis are, and whether the operator chose them. `npm start` on a machine
// with only Node needs to know that the defaults are merely defaults (then it may start Redis
// or an embedded PostgreSQL), and DATABASE_URL=embedded names the PGlite server it runs.

/** DATABASE_URL=embedded: PGlite served over the wire protocol by `npm start` on EMBEDDED_DATABASE_PORT. */
export const EMBEDDED = 'embedded';

export interface StorageConfig {
  DATABASE_URL: string;
  /** DATABASE_URL=embedded (or `npm start` chose it): PGlite, one session shared by every connection. */
  embeddedDatabase: boolean;
  /** Neither DATABASE_URL nor REDIS_URL set: the default local addresses are only defaults. */
  unset: { database: boolean; redis: boolean };
}

export function storageConfig(
  e: { DATABASE_URL: string; EMBEDDED_DATABASE_PORT: number },
  raw: Record<string, unknown>,
): StorageConfig {
  const embeddedDatabase = e.DATABASE_URL === EMBEDDED;
  return {
    DATABASE_URL: embeddedDatabase
      ? `postgresql://postgres@127.0.0.1:${e.EMBEDDED_DATABASE_PORT}/paperboy`
      : e.DATABASE_URL,
    embeddedDatabase,
    unset: { database: raw.DATABASE_URL === undefined, redis: raw.REDIS_URL === undefined },
  };
}
