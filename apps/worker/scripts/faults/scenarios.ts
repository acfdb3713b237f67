// The faults, each against its own world (fault-env.ts), each measured the same way: readers
// who should have had their digest and did not (lost), extra copies accepted by the SMTP server
// (duplicates), addresses suppressed, and how long after the fault ended every digest was out
// (recovery), with nobody touching anything.
import { readBreakerState } from '@paperboy/core';
import type { Fault } from '../../test/digest-smtp.fixture';
import type { SeededReader } from '../../test/digest.factory';
import { createFaultWorld, FAULT_WORKER_ENV, sleep, waitFor, type FaultWorld, type WorldOptions } from './fault-env';
import { startPrivatePostgres } from './private-postgres';
import { startPrivateRedis } from './private-redis';

export interface FaultResult {
  scenario: string;
  readers: number;
  lost: number;
  duplicates: number;
  suppressed: number;
  /** From the end of the fault to the last expected digest accepted; null if they never all came. */
  recoveryMs: number | null;
  notes: string;
}

export interface ScenarioOptions {
  readers: number;
  /** The length of the 451 burst and of the relay's 5.7.1 spell. */
  faultMs: number;
  /** How long to wait for every digest once the fault is over. */
  timeoutMs: number;
}

const indexOf = (email: string) => Number(/-(\d+)@/.exec(email)?.[1] ?? -1);

async function measure(
  world: FaultWorld,
  scenario: string,
  expected: SeededReader[],
  faultEnd: () => number,
  timeoutMs: number,
  notes: string,
): Promise<FaultResult> {
  const emails = new Set(expected.map((r) => r.email));
  const delivered = () => new Set(world.smtp.accepted.filter((m) => emails.has(m.to)).map((m) => m.to)).size;
  const allIn = await waitFor(async () => delivered() === expected.length, timeoutMs, 50);
  const recoveryMs = allIn ? Math.max(0, Date.now() - faultEnd()) : null;
  const perReader = new Map<string, number>();
  for (const m of world.smtp.accepted) perReader.set(m.to, (perReader.get(m.to) ?? 0) + 1);
  return {
    scenario,
    readers: world.readers.length,
    lost: expected.length - delivered(),
    duplicates: [...perReader.values()].reduce((n, c) => n + Math.max(0, c - 1), 0),
    suppressed: await world.database.db.suppression.count(),
    recoveryMs,
    notes,
  };
}

/** Watches the send breaker while a scenario runs: how often it paused, and its states. */
function watchBreaker(world: FaultWorld): { stop(): string } {
  const states = new Set<string>();
  let trips = 0;
  let longest = 0;
  const timer = setInterval(() => {
    readBreakerState(world.queues.redis, world.queues.prefix).then(
      (b) => {
        if (!b) return;
        states.add(b.state);
        trips = Math.max(trips, b.trips);
        longest = Math.max(longest, b.delayMs);
      },
      () => undefined,
    );
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return states.size
        ? `breaker: ${[...states].join(' → ')}; ${trips} pause(s), longest ${longest / 1000} s`
        : 'breaker never opened';
    },
  };
}

async function inWorld(
  count: number,
  plan: (to: string, attempt: number) => Fault,
  run: (world: FaultWorld) => Promise<FaultResult>,
  options?: WorldOptions,
): Promise<FaultResult> {
  const world = await createFaultWorld(count, plan, options);
  try {
    return await run(world);
  } finally {
    await world.close();
  }
}

/** Every reader due at a slot that passed between 3 minutes and an hour ago (UTC), as the schedule would find them. */
async function makeEveryoneDue(world: FaultWorld): Promise<void> {
  const slot = new Date(Date.now() - 3 * 60_000);
  slot.setUTCMinutes(0, 0, 0);
  await world.database.db
    .$executeRaw`UPDATE "Subscriber" SET timezone = 'UTC', "digestHour" = ${slot.getUTCHours()}, "nextDigestAt" = ${slot}, "updatedAt" = ${new Date(slot.getTime() - 86_400_000)}`;
}

/** Readers whose digest the SMTP server has accepted so far. */
const deliveredCount = (world: FaultWorld) => new Set(world.smtp.accepted.map((m) => m.to)).size;

/** Redis loses every key between the schedule run (nextDigestAt moved on) and the builds. */
export function redisEmptiedBetweenScheduleAndBuild(o: ScenarioOptions): Promise<FaultResult> {
  return inWorld(
    o.readers,
    () => 'accept',
    async (world) => {
      await makeEveryoneDue(world);
      const enqueued = await world.scheduleDue();
      const deleted = await world.emptyRedis();
      const faultEnd = Date.now();
      await Promise.all([world.startWorker(), world.startWorker()]);
      return measure(
        world,
        'Redis emptied between schedule and build',
        world.readers,
        () => faultEnd,
        o.timeoutMs,
        `${enqueued} readers' builds queued, then ${deleted} keys deleted; 2 workers started after (recovery includes their start)`,
      );
    },
  );
}

/** The SMTP server answers 451 to every message for `faultMs`, then accepts again. */
export function burstOf451(o: ScenarioOptions): Promise<FaultResult> {
  let burstEnds = Infinity;
  return inWorld(
    o.readers,
    () => (Date.now() < burstEnds ? { at: 'data', code: 451, text: '4.3.2 try again later' } : 'accept'),
    async (world) => {
      await Promise.all([world.startWorker(), world.startWorker()]);
      const breaker = watchBreaker(world);
      burstEnds = Date.now() + o.faultMs;
      await world.sendNow();
      const result = await measure(
        world,
        `451 burst (${o.faultMs / 1000} s)`,
        world.readers,
        () => burstEnds,
        o.faultMs + o.timeoutMs,
        '',
      );
      return { ...result, notes: breaker.stop() };
    },
  );
}

/** One reader in 20 does not exist: 550 5.1.1 at RCPT TO. */
export function unknownUsersForSome(o: ScenarioOptions): Promise<FaultResult> {
  const gone = (email: string) => indexOf(email) % 20 === 0;
  return inWorld(
    o.readers,
    (to) => (gone(to) ? { at: 'rcpt', code: 550, text: '5.1.1 no such user' } : 'accept'),
    async (world) => {
      await Promise.all([world.startWorker(), world.startWorker()]);
      const started = Date.now();
      await world.sendNow();
      const expected = world.readers.filter((r) => !gone(r.email));
      const result = await measure(world, '550 5.1.1 for 1 reader in 20', expected, () => started, o.timeoutMs, '');
      const bounced = world.readers.length - expected.length;
      return {
        ...result,
        notes: `${bounced} unknown addresses; suppressed ${result.suppressed} (want ${bounced}); recovery = time to send all`,
      };
    },
  );
}

/** The relay refuses every recipient (550 5.7.1 relaying denied) for `faultMs`, then is fixed. */
export function relayDeniesAll(o: ScenarioOptions): Promise<FaultResult> {
  let fixedAt = Infinity;
  return inWorld(
    o.readers,
    () => (Date.now() < fixedAt ? { at: 'rcpt', code: 550, text: '5.7.1 relaying denied' } : 'accept'),
    async (world) => {
      await Promise.all([world.startWorker(), world.startWorker()]);
      const breaker = watchBreaker(world);
      fixedAt = Date.now() + o.faultMs;
      await world.sendNow();
      const result = await measure(
        world,
        `550 5.7.1 for all (${o.faultMs / 1000} s)`,
        world.readers,
        () => fixedAt,
        o.faultMs + o.timeoutMs,
        '',
      );
      return { ...result, notes: breaker.stop() };
    },
  );
}

/** Redis stopped mid-send and started again after 2 s, with or without append-only persistence. */
function redisRestarted(persistent: boolean) {
  return async (o: ScenarioOptions): Promise<FaultResult> => {
    const redis = await startPrivateRedis(persistent);
    try {
      // Slow enough (a tenth of the list a second) for the restart to land mid-send.
      const workerEnv = { SEND_RATE_PER_SECOND: String(Math.max(10, Math.round(o.readers / 10))) };
      return await inWorld(
        o.readers,
        () => 'accept',
        async (world) => {
          await makeEveryoneDue(world);
          await Promise.all([world.startWorker(), world.startWorker()]);
          await world.scheduleDue();
          await waitFor(async () => deliveredCount(world) >= o.readers / 3, o.timeoutMs, 20);
          const before = deliveredCount(world);
          await redis.restart(2_000);
          const restartedAt = Date.now();
          const result = await measure(
            world,
            `Redis restarted mid-send ${persistent ? 'with' : 'without'} persistence`,
            world.readers,
            () => restartedAt,
            o.timeoutMs,
            '',
          );
          return {
            ...result,
            notes: `${before} of ${o.readers} sent before the restart; down 2 s${persistent ? ' (appendonly yes)' : ' (no persistence: jobs and schedulers lost)'}`,
          };
        },
        { redisUrl: redis.url, workerEnv },
      );
    } finally {
      await redis.close();
    }
  };
}

/** The only worker is killed with SIGKILL mid-send five times, a new one started each time. */
export function workerKilledFiveTimes(o: ScenarioOptions): Promise<FaultResult> {
  // Slow (the list takes 40 s) so that all five kills land while digests are going out.
  const workerEnv = { SEND_RATE_PER_SECOND: String(Math.max(5, Math.round(o.readers / 40))) };
  return inWorld(
    o.readers,
    () => 'accept',
    async (world) => {
      let worker = await world.startWorker();
      await world.sendNow();
      let lastKill = Date.now();
      for (let kill = 0; kill < 5; kill++) {
        const sent = deliveredCount(world);
        await waitFor(async () => deliveredCount(world) > sent, 15_000, 5);
        await sleep(200);
        await world.killWorker(worker);
        lastKill = Date.now();
        worker = await world.startWorker();
      }
      const result = await measure(
        world,
        'worker killed (kill -9) ×5 mid-send',
        world.readers,
        () => lastKill,
        o.timeoutMs,
        '',
      );
      const ids = new Map<string, Set<string>>();
      for (const m of world.smtp.accepted) ids.set(m.to, (ids.get(m.to) ?? new Set()).add(m.messageId));
      const distinct = [...ids.values()].filter((set) => set.size > 1).length;
      return {
        ...result,
        notes: `duplicates: sends in flight at a kill (accepted, not yet recorded), retried after the ${FAULT_WORKER_ENV.SEND_LEASE_SECONDS} s lease; ${distinct} reader(s) got two different Message-IDs`,
      };
    },
    { workerEnv },
  );
}

/** The SMTP server drops every connection in the middle of DATA for a third of `faultMs`. */
export function droppedConnections(o: ScenarioOptions): Promise<FaultResult> {
  let restoredAt = Infinity;
  return inWorld(
    o.readers,
    () => (Date.now() < restoredAt ? 'drop' : 'accept'),
    async (world) => {
      await Promise.all([world.startWorker(), world.startWorker()]);
      const breaker = watchBreaker(world);
      restoredAt = Date.now() + o.faultMs / 3;
      await world.sendNow();
      const result = await measure(
        world,
        `connections dropped mid-DATA (${o.faultMs / 3000} s)`,
        world.readers,
        () => restoredAt,
        o.faultMs + o.timeoutMs,
        '',
      );
      return { ...result, notes: breaker.stop() };
    },
  );
}

/** A private Postgres is stopped mid-send (fast shutdown: connections cut) and started 10 s later. */
export async function postgresDown(o: ScenarioOptions): Promise<FaultResult> {
  const postgres = await startPrivatePostgres();
  try {
    const workerEnv = { SEND_RATE_PER_SECOND: String(Math.max(10, Math.round(o.readers / 10))) };
    return await inWorld(
      o.readers,
      () => 'accept',
      async (world) => {
        await makeEveryoneDue(world);
        await Promise.all([world.startWorker(), world.startWorker()]);
        await world.scheduleDue();
        await waitFor(async () => deliveredCount(world) >= o.readers / 3, o.timeoutMs, 20);
        const before = deliveredCount(world);
        await postgres.restart(10_000);
        const restartedAt = Date.now();
        const result = await measure(
          world,
          'Postgres down 10 s mid-send',
          world.readers,
          () => restartedAt,
          o.timeoutMs,
          '',
        );
        return {
          ...result,
          notes: `${before} of ${o.readers} sent before the stop; a duplicate is a send SMTP accepted whose 'sent' could not be recorded (the documented window), retried after the lease`,
        };
      },
      { postgresUrl: postgres.url, workerEnv },
    );
  } finally {
    await postgres.close();
  }
}

export const SCENARIOS = {
  'postgres-down': postgresDown,
  'worker-killed-5x': workerKilledFiveTimes,
  'redis-restart-persistent': redisRestarted(true),
  'redis-restart-ephemeral': redisRestarted(false),
  'redis-emptied': redisEmptiedBetweenScheduleAndBuild,
  'smtp-451-burst': burstOf451,
  'smtp-550-5.1.1-some': unknownUsersForSome,
  'smtp-550-5.7.1-all': relayDeniesAll,
  'smtp-dropped': droppedConnections,
} as const;
