// Seeded fuzzing of every public endpoint against the real app (real Postgres, Redis, dev
// mailbox): thousands of hostile requests, then two promises checked. No answer is a 5xx (or
// no answer at all), and nothing stored breaks the validators the app applies on the way in.
// Replay a failure with FUZZ_SEED=<seed printed>; FUZZ_REQUESTS=<n> for a longer run.
import { generateKeyPairSync, sign } from 'node:crypto';
import { Agent } from 'node:http';
import { canonicalTimeZone, cleanTopics, emailProblem, readerToken, unsafeTextProblem } from '@paperboy/core';
import { seededRandom } from './fuzz/hostile-values';
import { generateRequest, send, type FuzzRequest, type FuzzTargets } from './fuzz/requests';
import { activeReader, openForm } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5000);
const CONCURRENCY = 12;
const ADMIN = { ADMIN_USER: 'fuzz-admin', ADMIN_PASSWORD: 'fuzz-password-123' };
const BOUNCES = {
  topic: 'arn:aws:sns:us-east-1:123456789012:fuzz',
  postmark: 'fuzz-postmark-secret',
  mailgun: 'fuzz-mailgun-key',
};
const sendgridKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

function describeRequest(req: FuzzRequest): string {
  const body = req.body
    ? ` body(${req.body.length}): ${JSON.stringify(req.body.subarray(0, 160).toString('latin1'))}`
    : '';
  return `${req.method} ${req.path.slice(0, 160)} ${JSON.stringify(req.headers).slice(0, 400)}${body}`;
}

describe('fuzzing every public endpoint', () => {
  let app: TestApp;
  let targets: FuzzTargets;
  beforeAll(async () => {
    app = await startTestApp({
      ...ADMIN,
      SUBSCRIBE_LIMIT_PER_IP: '100000',
      SUBSCRIBE_LIMIT_PER_EMAIL: '1000',
      CONFIRM_RESEND_MINUTES: '0',
      PAPERS_API_MAX_BODY_KB: '512',
      // Every bounce webhook on; SNS certificates "trusted" only at an address nothing serves and
      // the generator never writes, so no request makes the app fetch from the internet.
      BOUNCE_SES_TOPIC_ARNS: BOUNCES.topic,
      BOUNCE_SNS_URL_PATTERN: '^http://127\\.0\\.0\\.1:1/never/',
      BOUNCE_POSTMARK_USER: 'postmark',
      BOUNCE_POSTMARK_PASSWORD: BOUNCES.postmark,
      BOUNCE_SENDGRID_PUBLIC_KEY: sendgridKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      BOUNCE_MAILGUN_SIGNING_KEY: BOUNCES.mailgun,
    });
    const readers = await Promise.all(
      ['reader0@example.org', 'reader1@example.org', 'reader2@example.org', 'reader3@example.org'].map((email) =>
        activeReader(app, email, ['reward models', 'diffusion']),
      ),
    );
    const ids = [...readers.map((r) => r.id), 999_999];
    const tokens = (purpose: 'confirm' | 'manage' | 'unsubscribe') =>
      ids.map((id) => readerToken(app.config, purpose, id));
    const paper = await app.database.db.paper.create({
      data: { sourceId: '2612.00042', title: 'A fuzzed paper', abstract: 'x', publishedAt: new Date() },
    });
    const feedback = (purpose: 'vote' | 'topic') =>
      ids.flatMap((id) =>
        purpose === 'vote'
          ? [
              `${readerToken(app.config, 'vote', id)}/${paper.id}`,
              `${readerToken(app.config, 'vote', id)}/7`,
              // Older links: one token per paper, naming it inside.
              readerToken(app.config, 'vote', id, undefined, `p${paper.id}`),
            ]
          : [
              readerToken(app.config, 'topic', id, undefined, 'treward models'),
              readerToken(app.config, 'topic', id, undefined, 'tx'),
            ],
      );
    const form = await openForm(`${app.baseUrl}/`);
    targets = {
      tokens: {
        confirm: tokens('confirm'),
        manage: tokens('manage'),
        unsubscribe: tokens('unsubscribe'),
        vote: feedback('vote'),
        topic: feedback('topic'),
      },
      adminAuth: `Basic ${Buffer.from(`${ADMIN.ADMIN_USER}:${ADMIN.ADMIN_PASSWORD}`).toString('base64')}`,
      csrfCookie: form.cookie,
      csrfField: form.csrf,
      bounces: {
        postmarkAuth: `Basic ${Buffer.from(`postmark:${BOUNCES.postmark}`).toString('base64')}`,
        mailgunKey: BOUNCES.mailgun,
        sesTopic: BOUNCES.topic,
        sendgridSign: (body) => ({
          'x-twilio-email-event-webhook-timestamp': '1796551262',
          'x-twilio-email-event-webhook-signature': sign(
            'sha256',
            Buffer.concat([Buffer.from('1796551262'), body]),
            sendgridKeys.privateKey,
          ).toString('base64'),
        }),
      },
    };
  });
  afterAll(() => app.close());

  it(`when ${REQUESTS} seeded hostile requests hit every endpoint, then none gets a 5xx or no answer, and everything stored passes the validators`, async () => {
    const random = seededRandom(SEED);
    const requests = Array.from({ length: REQUESTS }, (_, n) => generateRequest(random, targets, n));
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const base = new URL(app.baseUrl);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const req = requests[next++]!;
          const answer = await send(base, agent, req);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          // The server may refuse a large body (413, 401) and close before the client has sent it all: that was an answer.
          const refusedUpload =
            answer.status === 0 &&
            (req.body?.length ?? 0) > 100_000 &&
            /EPIPE|ECONNRESET|socket hang up/.test(answer.error ?? '');
          if ((answer.status === 0 && !refusedUpload) || answer.status >= 500)
            failures.push(`${answer.status} ${answer.error ?? ''} <- ${describeRequest(req)}`);
        }
      }),
    );
    agent.destroy();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz seed ${SEED}: ${REQUESTS} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    expect({ seed: SEED, failures: failures.slice(0, 10), count: failures.length }).toEqual({
      seed: SEED,
      failures: [],
      count: 0,
    });
    // The run reached the app's logic, not only its front door.
    expect([...statuses.keys()].filter((s) => s >= 200 && s < 300).length).toBeGreaterThan(0);

    const db = app.database.db;
    const subscribers = await db.subscriber.findMany({ include: { topics: true } });
    expect(subscribers.length).toBeGreaterThan(4); // sign-ups went through
    const badReaders = subscribers.flatMap((s) => {
      const problems = [
        emailProblem(s.email),
        unsafeTextProblem(s.email, 'email'),
        canonicalTimeZone(s.timezone) === s.timezone ? undefined : `timezone ${s.timezone}`,
        s.topics.length > 20 ? `${s.topics.length} topics` : undefined,
        ...s.topics.map(
          (t) =>
            unsafeTextProblem(t.raw, 'topic') ??
            (t.raw.length > 120 ? `topic of ${t.raw.length} characters` : undefined) ??
            cleanTopics([t.raw]).error,
        ),
      ].filter(Boolean);
      return problems.length ? [`${JSON.stringify(s.email)}: ${problems.join('; ')}`] : [];
    });
    expect(badReaders).toEqual([]);
    const papers = await db.paper.findMany({
      select: { sourceId: true, title: true, abstract: true, organization: true, authors: true, keywords: true },
    });
    const badPapers = papers.filter(
      (p) =>
        p.title.length > 1000 ||
        p.abstract.length > 20000 ||
        (p.organization?.length ?? 0) > 300 ||
        p.authors.length > 100 ||
        p.keywords.length > 50 ||
        [p.title, p.abstract, p.organization ?? '', ...p.authors, ...p.keywords].some((text) =>
          unsafeTextProblem(text, 'text'),
        ),
    );
    expect(badPapers.map((p) => p.sourceId)).toEqual([]);
    // Feedback links: votes are +1 or -1, topic settings one of the three.
    expect((await db.vote.findMany()).filter((v) => v.value !== 1 && v.value !== -1)).toEqual([]);
    expect(
      (await db.topic.findMany()).filter((t) => !(t.weight === 1 || t.weight === 0.5) || (t.muted && t.weight !== 1)),
    ).toEqual([]);
    // Bounce webhooks got past their checks, and stored only hashes, known reasons, short details.
    const bounces = await db.bounceEvent.findMany();
    expect(bounces.length).toBeGreaterThan(0);
    const badBounces = bounces.filter(
      (b) =>
        !/^[0-9a-f]{64}$/.test(b.emailHash) ||
        !['hard_bounce', 'soft_bounce', 'complaint'].includes(b.reason) ||
        (b.detail?.length ?? 0) > 300 ||
        b.eventId.length > 500,
    );
    expect(badBounces).toEqual([]);
  }, 120_000);
});
