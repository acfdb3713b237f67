// Issue 19 over HTTP against real Postgres, Redis and SMTP: an email alone is a sign-up for the
// top trending papers (form without JavaScript, and JSON); the confirmation says so; the choice
// is on the preferences page and in the data export; the preview shows trending papers; the
// operators see readers per digest mode on the admin overview and /metrics.
import { buildReaderLinks, sendTransactionalEmail } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { parsePrometheusText, sumSamples } from '@paperboy/metrics';
import { openForm, postForm, postJson, transactionalJobs } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'correct-horse-battery' };
const TOKEN = 'metrics-token-for-tests';
let app: TestApp;
let mail: MailTransport;
beforeAll(async () => {
  app = await startTestApp({
    ...ADMIN,
    METRICS_TOKEN: TOKEN,
    CONFIRM_RESEND_MINUTES: '0',
    TRENDING_MIN_UPVOTES: '5',
    STATS_CACHE_SECONDS: '1',
  });
  mail = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 1 });
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
  await app.database.db.paper.createMany({
    data: [
      {
        sourceId: '2612.00001',
        title: 'Scaling test-time compute for reasoning',
        abstract: 'Reasoning with more compute.',
        publishedAt: hoursAgo(5),
        upvotes: 238,
        authors: ['Ada Lovelace'],
        hfUrl: 'https://huggingface.co/papers/2612.00001',
      },
      {
        sourceId: '2612.00002',
        title: 'Reward models that explain themselves',
        abstract: 'We train reward models with rationales.',
        publishedAt: hoursAgo(6),
        upvotes: 40,
        authors: ['Alan Turing'],
      },
      {
        sourceId: '2612.00003',
        title: 'A quiet paper on graph coloring',
        abstract: 'Graph coloring bounds.',
        publishedAt: hoursAgo(7),
        upvotes: 2,
        authors: ['Grace Hopper'],
      },
    ],
  });
});
afterAll(async () => {
  mail.close();
  await app.close();
});

const db = () => app.database.db;
const local = (url: string) => url.replace(app.config.PUBLIC_URL, app.baseUrl);
const reader = (email: string) =>
  db().subscriber.findUniqueOrThrow({ where: { email }, include: { topics: true, events: true } });
const queuedFor = async (id: number) =>
  (await transactionalJobs(app)).filter((j) => j.data.subscriberId === id).map((j) => j.data.kind);

describe('subscribing with an email only', () => {
  it('when the form is posted without JavaScript with just an address (default choice or none), then a top trending reader is pending and a confirmation is queued', async () => {
    const form = await openForm(`${app.baseUrl}/`);
    expect(form.html).toContain('value="topics_trending" checked');
    for (const [email, fields] of [
      ['nojs-default@example.org', { digestMode: 'topics_trending' }],
      ['nojs-bare@example.org', {}],
    ] as const) {
      const res = await postForm(`${app.baseUrl}/subscribe`, { email, ...fields }, form);
      expect([email, res.status, res.headers.get('location')]).toEqual([email, 303, '/subscribe/sent']);
      const stored = await reader(email);
      expect(stored).toMatchObject({ status: 'pending', digestMode: 'trending', topics: [] });
      expect(stored.events[0]?.data).toMatchObject({ digestMode: 'trending', topics: [] });
      expect(await queuedFor(stored.id)).toEqual(['confirm']);
    }
  });

  it('when JSON carries just an address, then it is accepted (202) as top trending; with topics and no choice, as topics + top trending', async () => {
    expect((await postJson(`${app.baseUrl}/subscribe`, { email: 'json-only@example.org' })).status).toBe(202);
    expect(await reader('json-only@example.org')).toMatchObject({
      status: 'pending',
      digestMode: 'trending',
      topics: [],
    });
    expect(
      (await postJson(`${app.baseUrl}/subscribe`, { email: 'json-topics@example.org', topics: 'reward models' }))
        .status,
    ).toBe(202);
    expect((await reader('json-topics@example.org')).digestMode).toBe('topics_trending');
    expect(
      (
        await postJson(`${app.baseUrl}/subscribe`, {
          email: 'json-mine@example.org',
          topics: 'reward models',
          digestMode: 'topics',
        })
      ).status,
    ).toBe(202);
    expect((await reader('json-mine@example.org')).digestMode).toBe('topics');
  });

  it('when "My topics" comes without a topic, or the choice is unknown, then 400 names the field and nothing is stored', async () => {
    const noTopic = await postJson(`${app.baseUrl}/subscribe`, {
      email: 'mine-empty@example.org',
      digestMode: 'topics',
    });
    expect(noTopic.status).toBe(400);
    expect((await noTopic.json()).error.details.fields).toEqual({
      topics: expect.stringMatching(/at least one topic.*"Top trending"/),
    });
    const unknown = await postJson(`${app.baseUrl}/subscribe`, {
      email: 'mine-empty@example.org',
      digestMode: 'everything',
    });
    expect(unknown.status).toBe(400);
    expect(Object.keys((await unknown.json()).error.details.fields)).toEqual(['digestMode']);
    const form = await openForm(`${app.baseUrl}/`);
    const page = await postForm(
      `${app.baseUrl}/subscribe`,
      { email: 'mine-empty@example.org', digestMode: 'topics' },
      form,
    );
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('Please add at least one topic');
    expect(html).toContain('value="topics" checked');
    expect(await db().subscriber.count({ where: { email: 'mine-empty@example.org' } })).toBe(0);
  });

  it('when the confirmation goes out over SMTP and is clicked, then it promises the top trending papers and the consent records that mode', async () => {
    await postJson(`${app.baseUrl}/subscribe`, { email: 'confirm-trending@example.org' });
    const pending = await reader('confirm-trending@example.org');
    await sendTransactionalEmail({ db: db(), config: app.config, mail }, { subscriberId: pending.id, kind: 'confirm' });
    const email = await app.mailbox.waitFor((m) => m.envelopeTo.includes('confirm-trending@example.org'), 10_000);
    expect(email.text).toContain('the top trending research papers:');
    expect(email.text).toContain('the most upvoted of the day on Hugging Face');
    expect(email.text).not.toContain('Topics:');
    const confirmUrl = local(/https?:\/\/\S+\/confirm\/[\w.-]+/.exec(email.text)![0]);
    const res = await postForm(confirmUrl, {}, await openForm(confirmUrl));
    expect(res.status).toBeLessThan(400);
    const active = await reader('confirm-trending@example.org');
    expect(active).toMatchObject({ status: 'active', digestMode: 'trending' });
    expect(active.consentScope).toMatchObject({
      digestMode: 'trending',
      topics: [],
      text: expect.stringContaining('top trending research papers'),
    });
    expect(active.nextDigestAt).not.toBeNull();
  });
});

describe('preferences and data export', () => {
  async function activeReader(email: string, digestMode: 'trending' | 'topics' | 'topics_trending', topics: string[]) {
    return db().subscriber.create({
      data: {
        email,
        status: 'active',
        digestMode,
        confirmedAt: new Date(),
        topics: { create: topics.map((raw) => ({ raw, key: raw })) },
      },
    });
  }

  it('when a reader changes their choice on the preferences page, then it is stored; "My topics" without topics is refused and nothing changes', async () => {
    const r = await activeReader('prefs@example.org', 'trending', []);
    const url = local(buildReaderLinks(app.config, r.id).manageUrl);
    const page = await openForm(url);
    expect(page.html).toContain('value="trending" checked');
    expect(page.html).toContain('My topics + top trending');
    const base = { frequency: 'daily', timezone: 'UTC' };
    expect((await postForm(url, { ...base, digestMode: 'topics', topics: 'diffusion models' }, page)).status).toBe(303);
    expect((await reader('prefs@example.org')).digestMode).toBe('topics');
    expect((await openForm(url, page.cookie)).html).toContain('value="topics" checked');

    const refused = await postForm(url, { ...base, digestMode: 'topics', topics: '' }, page);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('or choose &quot;Top trending&quot;');
    const unchanged = await reader('prefs@example.org');
    expect(unchanged.digestMode).toBe('topics');
    expect(unchanged.topics.map((t) => t.raw)).toEqual(['diffusion models']);

    expect((await postForm(url, { ...base, digestMode: 'topics_trending', topics: '' }, page)).status).toBe(303);
    expect(await reader('prefs@example.org')).toMatchObject({ digestMode: 'trending', topics: [] });
    const event = (await reader('prefs@example.org')).events.at(-1);
    expect(event?.data).toMatchObject({ before: { digestMode: 'topics' }, after: { digestMode: 'trending' } });
  });

  it('when the preferences JSON API leaves the mode out, then it stays as it was', async () => {
    const r = await activeReader('prefs-json@example.org', 'topics', ['robotics']);
    const url = local(buildReaderLinks(app.config, r.id).manageUrl);
    const res = await postJson(
      url,
      { topics: ['robotics', 'agents'], frequency: 'weekly', timezone: 'UTC' },
      { cookie: (await openForm(url)).cookie },
    );
    expect([res.status, (await reader('prefs-json@example.org')).digestMode]).toEqual([200, 'topics']);
  });

  it('when a reader downloads their data, then the export names their digest mode', async () => {
    const r = await activeReader('export-mode@example.org', 'topics_trending', ['agents']);
    const res = await fetch(`${local(buildReaderLinks(app.config, r.id).manageUrl)}/export`);
    expect((await res.json()).profile).toMatchObject({
      email: 'export-mode@example.org',
      digestMode: 'topics_trending',
    });
  });
});

describe('the live preview', () => {
  const preview = async (query: string) => {
    const res = await fetch(`${app.baseUrl}/subscribe/preview?${query}`);
    return { status: res.status, body: await res.json() };
  };
  const titles = (papers: { title: string }[]) => papers.map((p) => p.title);

  it('when no topic is typed, then it lists the top trending papers above the floor, each with its reason', async () => {
    const { status, body } = await preview('topics=');
    expect(status).toBe(200);
    expect(body.mode).toBe('trending');
    expect(titles(body.papers)).toEqual([
      'Scaling test-time compute for reasoning',
      'Reward models that explain themselves',
    ]);
    expect(body.papers[0].reason).toBe('▲ 238 · #1 on Hugging Face today');
    expect((await preview('topics=&frequency=weekly')).body.papers[0].reason).toBe(
      '▲ 238 · #1 on Hugging Face this week',
    );
  });

  it('when topics are typed, then the matches come first and "also trending" holds the top papers not among them; "My topics" has none', async () => {
    const both = (await preview('topics=reward+models')).body;
    expect(both.mode).toBe('topics_trending');
    expect(titles(both.papers)).toEqual(['Reward models that explain themselves']);
    expect(titles(both.alsoTrending)).toEqual(['Scaling test-time compute for reasoning']);
    expect(both.alsoTrending[0].reason).toBe('▲ 238 · #1 on Hugging Face today');
    const mine = (await preview('topics=reward+models&mode=topics')).body;
    expect([mine.mode, titles(mine.papers), mine.alsoTrending]).toEqual([
      'topics',
      ['Reward models that explain themselves'],
      [],
    ]);
    expect((await preview('topics=reward+models&mode=bogus')).status).toBe(400);
  });
});

describe('operators', () => {
  it('when readers follow trending only, topics only or both, then the admin overview and /metrics count the active ones per mode', async () => {
    // Only active readers count; the ones created above are a mix, so count what the database says.
    await db().subscriber.createMany({
      data: [
        { email: 'op-t1@example.org', status: 'active', digestMode: 'trending' },
        { email: 'op-t2@example.org', status: 'active', digestMode: 'trending' },
        { email: 'op-p@example.org', status: 'paused', digestMode: 'trending' },
        { email: 'op-b@example.org', status: 'active', digestMode: 'topics_trending' },
      ],
    });
    const expected = Object.fromEntries(
      await Promise.all(
        (['trending', 'topics', 'topics_trending'] as const).map(async (m) => [
          m,
          await db().subscriber.count({ where: { status: 'active', digestMode: m } }),
        ]),
      ),
    );
    expect(expected.trending).toBeGreaterThanOrEqual(2);

    const auth = {
      authorization: `Basic ${Buffer.from(`${ADMIN.ADMIN_USER}:${ADMIN.ADMIN_PASSWORD}`).toString('base64')}`,
    };
    const page = await (await fetch(`${app.baseUrl}/admin?fresh=1`, { headers: auth })).text();
    expect(page).toContain('Active readers by what they get');
    for (const [label, mode] of [
      ['top trending only', 'trending'],
      ['topics only', 'topics'],
      ['topics + top trending', 'topics_trending'],
    ] as const) {
      expect(page).toMatch(
        new RegExp(
          `<td>${label.replace('+', '\\+')}</td><td class="barcell">.*?</td><td class="num">${expected[mode]}</td>`,
        ),
      );
    }
    const res = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const parsed = parsePrometheusText(await res.text());
    for (const mode of ['trending', 'topics', 'topics_trending']) {
      expect([mode, sumSamples(parsed, 'paperboy_active_readers_by_digest_mode', { mode })]).toEqual([
        mode,
        expected[mode],
      ]);
    }
  });
});
