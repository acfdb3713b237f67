// Readiness = can this instance do its job right now: Postgres answers, Redis answers, and the
// database has every committed migration. Each check is bounded so a hung dependency makes
// /readyz answer 503 quickly instead of hanging the load balancer's probe.
import { pendingMigrations, type Db } from '@paperboy/db';
import type { Redis } from '@paperboy/queue';

export interface CheckResult {
  ok: boolean;
  error?: string;
  pending?: string[];
}

export interface Readiness {
  ok: boolean;
  checks: { postgres: CheckResult; redis: CheckResult; migrations: CheckResult };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function failure(error: unknown): CheckResult {
  return { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
}

export async function checkReadiness(db: Db, redis: Redis, timeoutMs = 2_000): Promise<Readiness> {
  const postgres = withTimeout(db.$queryRaw`SELECT 1`, timeoutMs, 'PostgreSQL').then(() => ({ ok: true }), failure);
  const redisCheck = withTimeout(redis.ping(), timeoutMs, 'Redis').then(() => ({ ok: true }), failure);
  const migrations = withTimeout(pendingMigrations(db), timeoutMs, 'PostgreSQL').then(
    (pending): CheckResult =>
      pending.length ? { ok: false, error: 'migrations pending: run npm run db:migrate', pending } : { ok: true },
    failure,
  );
  const [pg, rd, mg] = await Promise.all([postgres, redisCheck, migrations]);
  return { ok: pg.ok && rd.ok && mg.ok, checks: { postgres: pg, redis: rd, migrations: mg } };
}
