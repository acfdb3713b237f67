// Prisma 7 runs without a native query engine: SQL goes through the node-postgres driver adapter.
// The pool is created here, once, and shared: Prisma runs on it, and the few hot paths that
// cannot afford Prisma's raw-query overhead (the digest send path) run named prepared
// statements on the same connections through sqlPool(db).
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from './generated/client';
import { utcTimestampTypes } from './utc-timestamps';

export type Db = PrismaClient;
export type SqlPool = Pool;

export interface DbOptions {
  /** Pool size per process; keep modest: every API and worker process has its own pool. */
  maxConnections?: number;
  /**
   * The embedded PostgreSQL (PGlite, DATABASE_URL=embedded) is one session that serves one
   * connection at a time, processes taking turns: one connection per process (queries queue
   * here, in the pool), closed after a moment idle or after a number of uses so that the other
   * processes (API, worker, CLI) get their turn. maxConnections is ignored.
   */
  embedded?: boolean;
}

/** Pool settings for the embedded database: see DbOptions.embedded. */
export const EMBEDDED_POOL = { max: 1, idleTimeoutMillis: 100, maxUses: 50 } as const;

const pools = new WeakMap<Db, Pool>();

/**
 * Session settings of every server connection. JIT off: our statements are short, and JIT compiles
 * any statement whose *estimated* cost is high - with a table's statistics behind its growth
 * (DeliveryPaper during a morning) a 2 ms statement was estimated at millions of rows and spent
 * ~150 ms compiling, once per send batch (BENCHMARKS.md, "Sending").
 */
const SESSION_OPTIONS = '-c jit=off';

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const size = options.embedded ? EMBEDDED_POOL : { max: options.maxConnections ?? 10 };
  const session = options.embedded ? {} : { options: SESSION_OPTIONS };
  const pool = new Pool({ connectionString: databaseUrl, ...size, ...session, types: utcTimestampTypes });
  // An idle connection that dies (server restart) is dropped by the pool and replaced on the next
  // query; without a listener its 'error' event would crash the process before Prisma adds its own.
  pool.on('error', () => {});
  // disposeExternalPool: $disconnect ends the pool, and Prisma, if used again, opens its own as
  // it always did; sqlPool(db) after $disconnect fails loudly instead.
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  const prismaDisconnect = db.$disconnect.bind(db);
  // Prisma only disposes a pool it has connected: a process that ran nothing but sqlPool queries
  // would keep its sockets open and never exit.
  db.$disconnect = async () => {
    await prismaDisconnect();
    if (!pool.ended) await pool.end();
  };
  pools.set(db, pool);
  return db;
}

/** The node-postgres pool behind `db` (timestamps parsed as UTC, like Prisma). */
export function sqlPool(db: Db): SqlPool {
  const pool = pools.get(db);
  if (!pool) throw new Error('sqlPool: this client was not made by createDb');
  return pool;
}
