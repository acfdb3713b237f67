// Asynchronous bounces and complaints on a real Postgres: the suppression path shared with
// synchronous bounces, idempotency per (provider, event, address), soft bounces recorded only,
// and a complaint that names only our Message-ID finding its reader through the Delivery.
import type { BounceNotice } from '@paperboy/email';
import { computeOverview, hashEmail, recordBounceNotices } from '../src';
import { isSuppressed } from '../src/subscribers/store';
import { useReaderTestEnv } from './reader-test-env';

const env = useReaderTestEnv();
const db = () => env.database.db;
let seq = 0;

async function reader(status: 'active' | 'paused' | 'unsubscribed' = 'active') {
  seq += 1;
  return db().subscriber.create({ data: { email: `bounce-${seq}@example.org`, status, nextDigestAt: new Date() } });
}

const notice = (fields: Partial<BounceNotice>): BounceNotice => ({
  provider: 'ses',
  eventId: `event-${++seq}`,
  kind: 'bounce',
  permanent: true,
  recipients: [],
  detail: 'test',
  ...fields,
});

describe('recordBounceNotices', () => {
  it('when a permanent bounce names a reader, then the address is suppressed as hard_bounce, the reader bounced and the event audited', async () => {
    const r = await reader();
    const result = await recordBounceNotices({ db: db() }, [notice({ recipients: [r.email.toUpperCase()] })]);
    expect(result).toEqual({ recorded: 1, duplicates: 0, suppressed: 1 });
    expect(await db().suppression.findUnique({ where: { emailHash: hashEmail(r.email) } })).toMatchObject({
      reason: 'hard_bounce',
    });
    expect(await db().subscriber.findUnique({ where: { id: r.id } })).toMatchObject({
      status: 'bounced',
      nextDigestAt: null,
    });
    expect(await db().subscriptionEvent.findMany({ where: { subscriberId: r.id } })).toEqual([
      expect.objectContaining({ type: 'bounced', data: expect.objectContaining({ provider: 'ses', async: true }) }),
    ]);
  });

  it('when the same notification arrives twice, then it is recorded once and audited once', async () => {
    const r = await reader();
    const n = notice({ provider: 'mailgun', kind: 'complaint', recipients: [r.email] });
    await recordBounceNotices({ db: db() }, [n]);
    const again = await Promise.all([recordBounceNotices({ db: db() }, [n]), recordBounceNotices({ db: db() }, [n])]);
    expect(again.map((a) => a.duplicates)).toEqual([1, 1]);
    expect(await db().bounceEvent.count({ where: { provider: 'mailgun', eventId: n.eventId } })).toBe(1);
    expect(await db().subscriptionEvent.count({ where: { subscriberId: r.id } })).toBe(1);
    expect(await db().subscriber.findUnique({ where: { id: r.id } })).toMatchObject({ status: 'complained' });
    expect(await db().suppression.findUnique({ where: { emailHash: hashEmail(r.email) } })).toMatchObject({
      reason: 'complaint',
    });
  });

  it('when a soft bounce arrives, then it is recorded but nobody is suppressed or stopped', async () => {
    const r = await reader();
    const result = await recordBounceNotices({ db: db() }, [
      notice({ provider: 'sendgrid', permanent: false, recipients: [r.email] }),
    ]);
    expect(result).toEqual({ recorded: 1, duplicates: 0, suppressed: 0 });
    expect(await isSuppressed(db(), r.email)).toBe(false);
    expect(await db().subscriber.findUnique({ where: { id: r.id } })).toMatchObject({ status: 'active' });
    expect(await db().bounceEvent.findFirst({ where: { emailHash: hashEmail(r.email) } })).toMatchObject({
      reason: 'soft_bounce',
      suppressed: false,
    });
  });

  it('when soft bounces of one address reach BOUNCE_SOFT_LIMIT within the window, then the last one suppresses it as a hard bounce', async () => {
    const r = await reader();
    const deps = { db: db(), softBounceLimit: 3, softBounceWindowDays: 30 };
    const soft = () => notice({ provider: 'postmark', permanent: false, recipients: [r.email] });
    expect((await recordBounceNotices(deps, [soft(), soft()])).suppressed).toBe(0);
    expect(await db().subscriber.findUnique({ where: { id: r.id } })).toMatchObject({ status: 'active' });
    expect((await recordBounceNotices(deps, [soft()])).suppressed).toBe(1);
    expect(await db().subscriber.findUnique({ where: { id: r.id } })).toMatchObject({ status: 'bounced' });
    expect(await db().suppression.findUnique({ where: { emailHash: hashEmail(r.email) } })).toMatchObject({
      reason: 'hard_bounce',
      detail: expect.stringMatching(/^3 soft bounces in 30 days/),
    });
    expect(await db().bounceEvent.count({ where: { emailHash: hashEmail(r.email), suppressed: true } })).toBe(1);
  });

  it('when a complaint names only our Message-ID (address redacted), then the digest it quotes finds the reader', async () => {
    const r = await reader();
    await db().delivery.create({
      data: { subscriberId: r.id, periodKey: 'd2026-12-06', status: 'sent', messageId: '<abc123@example.org>' },
    });
    const result = await recordBounceNotices({ db: db() }, [
      notice({
        provider: 'mailbox',
        kind: 'complaint',
        recipients: ['redacted@example.com'],
        messageId: '<abc123@example.org>',
      }),
    ]);
    expect(result.suppressed).toBe(1);
    expect(await isSuppressed(db(), r.email)).toBe(true);
    expect(await isSuppressed(db(), 'redacted@example.com')).toBe(false);
  });

  it('when the address is no reader (or was wiped), then its address is still suppressed (nothing is sent to it again)', async () => {
    await recordBounceNotices({ db: db() }, [notice({ provider: 'postmark', recipients: ['stranger@example.net'] })]);
    expect(await isSuppressed(db(), 'stranger@example.net')).toBe(true);
  });

  it('when events are recorded, then the overview counts them by provider and reason for 24 h and 30 days', async () => {
    const overview = await computeOverview(db());
    expect(overview.asyncBounces).toEqual(
      expect.arrayContaining([
        { provider: 'ses', reason: 'hard_bounce', lastDay: 1, last30Days: 1 },
        { provider: 'mailgun', reason: 'complaint', lastDay: 1, last30Days: 1 },
        { provider: 'sendgrid', reason: 'soft_bounce', lastDay: 1, last30Days: 1 },
      ]),
    );
    const later = await computeOverview(db(), new Date(Date.now() + 2 * 24 * 3600_000));
    expect(later.asyncBounces?.find((b) => b.provider === 'ses')).toEqual({
      provider: 'ses',
      reason: 'hard_bounce',
      lastDay: 0,
      last30Days: 1,
    });
  });
});
