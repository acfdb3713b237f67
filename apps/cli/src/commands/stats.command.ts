import { getOverview, getSendQueueState, type CountBy } from '@paperboy/core';
import type { CommandModule } from '../command';

const list = (rows: CountBy[]) => rows.map((r) => `${r.key} ${r.count.toLocaleString('en-US')}`).join(', ') || 'none';

export const statsCommand: CommandModule = {
  usage: 'stats [--json] [--fresh]',
  details: `The same numbers as the /admin overview. They come from the snapshot cached in Redis
(at most STATS_CACHE_SECONDS old); --fresh recomputes them from the database first.
--json prints one JSON object (the overview plus the send queue state) for scripts.`,
  flags: ['json', 'fresh'],
  async run(args, ctx) {
    const cache = { db: ctx.db, redis: ctx.redis, keyPrefix: ctx.config.REDIS_PREFIX };
    const [o, send] = await Promise.all([
      getOverview(cache, { fresh: Boolean(args.flags.fresh), maxAgeSeconds: ctx.config.STATS_CACHE_SECONDS }),
      getSendQueueState(ctx.queues),
    ]);
    if (args.flags.json) {
      ctx.out(JSON.stringify({ ...o, send }, null, 2));
      return 0;
    }
    const n = (v: number) => v.toLocaleString('en-US');
    ctx.out(`paperboy stats (as of ${o.computedAt})`);
    ctx.out(`  readers     ${n(o.readers.total)} total: ${list(o.readers.byStatus.filter((s) => s.count > 0))}`);
    ctx.out(`              active by frequency: ${list(o.readers.activeByFrequency)}`);
    ctx.out(`              active by digest mode: ${list(o.readers.activeByDigestMode ?? [])}`);
    ctx.out(
      `              new this week ${n(o.readers.newThisWeek)}, unsubscribed this week ${n(o.readers.unsubscribedThisWeek)}, bounced or complained ${n(o.readers.bouncedOrComplained)}`,
    );
    ctx.out(`  suppressed  ${n(o.suppressions.total)}: ${list(o.suppressions.byReason)}`);
    const bounces = o.asyncBounces ?? [];
    ctx.out(
      `  reported    bounces and complaints from relays, 24 h / 30 days: ${bounces.length ? bounces.map((b) => `${b.provider} ${b.reason} ${n(b.lastDay)}/${n(b.last30Days)}`).join(', ') : 'none'}`,
    );
    ctx.out(
      `  papers      ${n(o.papers.total)} (new this week ${n(o.papers.newThisWeek)}) by source: ${list(o.papers.bySource)}`,
    );
    for (const run of o.papers.lastRuns)
      ctx.out(
        `              last ${run.source} run: ${run.status} at ${run.startedAt}, ${n(run.inserted)} new of ${n(run.fetched)}${run.error ? ` (${run.error})` : ''}`,
      );
    ctx.out(
      `  digests     sent today ${n(o.deliveries.sentToday)}, failed today ${n(o.deliveries.failedToday)}, pending ${n(o.deliveries.pending)}`,
    );
    const byBreaker = send.breaker
      ? ` by the SMTP breaker (${send.breaker.state === 'half_open' ? 'probing now' : `next probe ${send.breaker.retryAt}`}; last error: ${send.breaker.lastError ?? '-'})`
      : '';
    ctx.out(
      `  sending     ${send.paused ? `PAUSED${byBreaker} (resume: npm run paperboy -- send:resume)` : 'running'}; queue: ${Object.entries(
        send.counts,
      )
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(', ')}`,
    );
    ctx.out(`  top topics  ${list(o.topTopics.slice(0, 10))}`);
    return 0;
  },
};
