// Readers teach paperboy, in a real browser (issue 13): a digest built and sent over real SMTP to
// the dev mailbox; the reader clicks "More like this" on one card and "Less like this" on another; the page the link opens posts
// the vote by itself (a GET alone records nothing) and offers undo; the next digest is composed
// with the reader's model: papers like the liked one lead, and one from beyond their topics
// comes "Because you liked …" — while a reader who never voted gets today's digest. That digest
// also suggests a related topic other readers follow ("Add robot grasping to my topics"): the
// reader adds it from the email (same GET → POST page, with undo) and finds it on their
// preferences page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDigests, matchNewPapers, periodKey, sendDigests, type DigestDeps } from '@paperboy/core';
import { createMailTransport, createRenderer, type MailTransport, type MailboxMessage } from '@paperboy/email';
import { normalizeTopic } from '@paperboy/matching';
import { createApp } from '../src/app';
import { openBrowser, type TestBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(120_000);

let app: TestApp;
let server: Server;
let baseUrl: string;
let mail: MailTransport;
let browser: TestBrowser;

const DAY = 86_400_000;
const T1 = new Date('2026-12-01T07:00:00Z');
const T2 = new Date(T1.getTime() + DAY);

const PAPERS = [
  {
    title: 'Reward models for chatbot dialogue',
    abstract: 'Reward models for chatbot dialogue trained from human preference comparisons of chat answers.',
    upvotes: 50,
  },
  {
    title: 'Reward models for robot grasping',
    abstract: 'Reward models for robot grasping with tactile sensors and a dexterous hand.',
    upvotes: 40,
  },
  {
    title: 'Reward models for chatbot safety dialogue',
    abstract: 'Reward models for chatbot dialogue that refuse unsafe chat answers, from human preference comparisons.',
    upvotes: 30,
  },
  {
    title: 'Multilingual reward models for chat assistants',
    abstract:
      'Reward models for chatbot dialogue in many languages, from human preference comparisons of chat answers.',
    upvotes: 25,
  },
  {
    title: 'Reward models for dexterous robot grasping',
    abstract: 'Reward models for robot grasping of deformable objects with tactile sensors and a dexterous hand.',
    upvotes: 10,
  },
  // Beyond the voter's topic (another reader follows robot grasping): like the liked paper.
  {
    title: 'Tactile sensing for robot grasping',
    abstract: 'Robot grasping with tactile sensors and a dexterous hand.',
    upvotes: 5,
  },
];

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  app = await startTestApp({ DIGEST_MAX_PAPERS: '2', LEARNED_EXTRA_PAPERS: '1' });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = createApp({ ...app.deps, config: { ...app.config, PUBLIC_URL: baseUrl } }).listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  mail = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 1 });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
  mail.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.close();
});

async function reader(email: string, topics: string[]) {
  return app.database.db.subscriber.create({
    data: {
      email,
      status: 'active',
      digestMode: 'topics',
      confirmedAt: T1,
      topics: { create: topics.map((raw) => ({ raw, key: normalizeTopic(raw).key })) },
    },
  });
}

/** Builds and sends one reader's digest for the day of `now`; returns the email as the mailbox got it. */
async function digestFor(subscriberId: number, email: string, now: Date): Promise<MailboxMessage> {
  const config = { ...app.config, PUBLIC_URL: baseUrl };
  const deps: DigestDeps = { db: app.database.db, config, queues: app.queues, now: () => now };
  const [built] = await buildDigests(deps, [{ subscriberId, periodKey: periodKey('daily', 'UTC', now) }]);
  if (!built || !('deliveryId' in built)) throw new Error(`no digest built: ${JSON.stringify(built)}`);
  await sendDigests({ ...deps, mail, renderer: await createRenderer() }, [built.deliveryId]);
  return app.mailbox.waitFor((m) => m.envelopeTo.includes(email) && m.subject.length > 0 && !seen.has(m.id));
}
const seen = new Set<MailboxMessage['id']>();

it('when a reader votes "more like this" from a sent digest, then the page records it by POST, offers undo, and the next digest follows the vote and suggests a related topic the reader adds from the email', async () => {
  const voter = await reader('voter@example.org', ['reward models']);
  const control = await reader('control@example.org', ['reward models']);
  // Other readers' topic: papers beyond the voter's; three follow it, so a digest may suggest it.
  for (const who of ['robotics', 'robotics2', 'robotics3']) await reader(`${who}@example.org`, ['robot grasping']);
  const db = app.database.db;
  const ids: number[] = [];
  for (const [i, p] of PAPERS.entries()) {
    const paper = await db.paper.create({
      data: {
        sourceId: `2611.${70000 + i}`,
        ...p,
        authors: ['Ada Lovelace'],
        publishedAt: new Date(T1.getTime() - DAY / 2),
      },
    });
    ids.push(paper.id);
  }
  await matchNewPapers({ db, now: () => T1 }, ids);

  const first = await digestFor(voter.id, 'voter@example.org', T1);
  seen.add(first.id);
  const control1 = await digestFor(control.id, 'control@example.org', T1);
  seen.add(control1.id);
  expect(first.html).toContain('Reward models for robot grasping');
  expect(first.html).toContain('More like this');

  const page = await browser.context.newPage();
  await page.goto(`${app.baseUrl}/dev/mailbox/${first.id}/html`);
  // The robot paper's card: its "More like this" is the link after the title, clicked as a reader would.
  const before = first.html.slice(0, first.html.indexOf('Reward models for robot grasping</a>'));
  const nth = before.split('More like this').length - 1;
  const link = page.locator('a', { hasText: 'More like this' }).nth(nth);
  expect(await link.getAttribute('href')).toMatch(new RegExp(`^${baseUrl}/vote/[^?]+\\?v=more$`));
  await link.click();
  const votePage = page;
  // confirm.js posts the form at once: the answer page says what changed and offers undo.
  await votePage.waitForSelector('text=Noted: more like this');
  expect(await votePage.locator('button', { hasText: 'Undo' }).isVisible()).toBe(true);
  const robot = await db.paper.findUniqueOrThrow({ where: { sourceId: '2611.70001' } });
  expect(await db.vote.findMany({ where: { subscriberId: voter.id }, select: { paperId: true, value: true } })).toEqual(
    [{ paperId: robot.id, value: 1 }],
  );
  // And "Less like this" on the chatbot paper, from the same email.
  await page.goto(`${app.baseUrl}/dev/mailbox/${first.id}/html`);
  const chatAt = first.html.slice(0, first.html.indexOf('Reward models for chatbot dialogue</a>'));
  await page
    .locator('a', { hasText: 'Less like this' })
    .nth(chatAt.split('Less like this').length - 1)
    .click();
  await page.waitForSelector('text=Noted: less like this');
  expect(await db.vote.count({ where: { subscriberId: voter.id } })).toBe(2);

  const second = await digestFor(voter.id, 'voter@example.org', T2);
  const control2 = await digestFor(control.id, 'control@example.org', T2);
  // Who never voted gets today's digest: the two most upvoted of what is left.
  expect(control2.text).toContain('Reward models for chatbot safety dialogue');
  expect(control2.text).toContain('Multilingual reward models for chat assistants');
  expect(control2.text).not.toContain('Because you liked');
  // The voter: the other robot paper leads their topic, and a paper beyond it comes with its reason.
  expect(second.text).toContain('Reward models for dexterous robot grasping');
  expect(second.text).not.toContain('Multilingual reward models for chat assistants');
  expect(second.text).toContain('Because you liked “Reward models for robot grasping”');
  expect(second.text).toContain('Tactile sensing for robot grasping');
  expect(await db.readerModel.count({ where: { subscriberId: voter.id } })).toBe(1);
  expect(await db.readerModel.count({ where: { subscriberId: control.id } })).toBe(0);

  // Both robot papers of that digest matched "robot grasping", which three readers follow: it is
  // suggested (the control's digest, with no robot paper, suggests nothing).
  expect(second.text).toContain('2 of these papers are also about robot grasping');
  expect(control2.text).not.toContain('of these papers are also about');
  await page.goto(`${app.baseUrl}/dev/mailbox/${second.id}/html`);
  const add = page.locator('a', { hasText: 'Add robot grasping to my topics' });
  expect(await add.getAttribute('href')).toMatch(new RegExp(`^${baseUrl}/add-topic/[^?]+$`));
  // A prefetch of the link (GET) adds nothing.
  expect((await fetch((await add.getAttribute('href')) as string)).status).toBe(200);
  expect((await db.topic.findMany({ where: { subscriberId: voter.id } })).map((t) => t.raw)).toEqual(['reward models']);
  await add.click();
  await page.waitForSelector('text=Added: robot grasping');
  expect(await page.locator('button', { hasText: 'Undo' }).isVisible()).toBe(true);
  // The preferences page, from the answer's link, lists the new topic.
  await page.locator('a', { hasText: 'your preferences page' }).click();
  await page.waitForSelector('textarea[name="topics"]');
  expect(await page.locator('textarea[name="topics"]').inputValue()).toMatch(/reward models\s+robot grasping/);
  expect((await db.topic.findMany({ where: { subscriberId: voter.id } })).map((t) => t.raw).sort()).toEqual([
    'reward models',
    'robot grasping',
  ]);
});
