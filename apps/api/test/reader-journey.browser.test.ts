// The whole life of a reader in a real browser: form → confirmation email over real SMTP (the
// transactional-email worker runs in this process) → confirm → manage → unsubscribe →
// resubscribe; and the form without JavaScript.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Worker } from 'bullmq';
import { sendTransactionalEmail } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { parsePayload, QUEUE } from '@paperboy/queue';
import { createApp } from '../src/app';
import { openBrowser, type TestBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(90_000);
const SCREENSHOTS = process.env.PAPERBOY_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../../docs');

let app: TestApp;
let server: Server;
let baseUrl: string;
let mail: MailTransport;
let workers: Worker[];

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  app = await startTestApp();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // Links in emails must point at this server: same deps, PUBLIC_URL set to where it listens.
  const config = { ...app.config, PUBLIC_URL: baseUrl };
  server = createApp({ ...app.deps, config }).listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  mail = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 1 });
  // What the worker app's transactional-email processor does, without importing another app.
  const deps = { config, db: app.database.db, mail };
  workers = [
    new Worker(
      QUEUE.transactionalEmail,
      (job) => sendTransactionalEmail(deps, parsePayload(QUEUE.transactionalEmail, job.data)),
      { connection: app.redis, prefix: config.REDIS_PREFIX },
    ),
  ];
  const now = Date.now();
  await app.database.db.paper.createMany({
    data: [
      {
        sourceId: '2611.00001',
        title: 'Process reward models for step-by-step reasoning',
        abstract: 'We train reward models that score each reasoning step.',
        publishedAt: new Date(now - 86400_000),
        upvotes: 42,
        hfUrl: 'https://huggingface.co/papers/2611.00001',
        authors: ['Ada Lovelace'],
      },
      {
        sourceId: '2611.00002',
        title: 'A survey of diffusion models for video',
        abstract: 'Diffusion models generate video.',
        publishedAt: new Date(now - 2 * 86400_000),
        upvotes: 7,
        authors: ['Alan Turing'],
      },
    ],
  });
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  mail.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.close();
});

const reader = (email: string) =>
  app.database.db.subscriber.findUniqueOrThrow({ where: { email }, include: { topics: { orderBy: { id: 'asc' } } } });

describe('a reader in a real browser', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser({ timezoneId: 'Europe/Berlin' });
  });
  afterAll(() => browser.close());

  it('when they subscribe, confirm from the email, change topics, unsubscribe and come back, then each step shows and stores the right thing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/`);
    // JavaScript detected the time zone and shows a live preview for the typed topic.
    await page.waitForFunction(
      () => (document.getElementById('timezone') as HTMLSelectElement).value === 'Europe/Berlin',
    );
    await page.fill('#email', 'Ada@Example.org');
    await page.fill('#topics', 'reward models');
    await page.waitForSelector('#preview-list li');
    expect(await page.textContent('#preview-list')).toContain('Process reward models for step-by-step reasoning');
    await page.click('label.chip:has-text("robotics")');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'preview.png'), fullPage: true });
    // docs/subscribe*.png come from trending-choice.browser.test.ts (the form's three choices).
    // Every visible field has a label a screen reader announces.
    const unlabelled = await page.$$eval('input:not([type=hidden]), select, textarea', (fields) =>
      fields.filter((f) => !(f as HTMLInputElement).labels?.length).map((f) => f.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await page.click('#subscribe-button');
    await page.waitForURL(`${baseUrl}/subscribe/sent`);
    expect(await page.textContent('h1')).toBe('Check your inbox');
    expect((await reader('ada@example.org')).status).toBe('pending');

    const email = await app.mailbox.waitFor((m) => m.envelopeTo.includes('ada@example.org'), 20_000);
    if (SCREENSHOTS) {
      await page.goto(`${app.baseUrl}/dev/mailbox/${email.id}/html`);
      await page.screenshot({ path: path.join(DOCS, 'confirm-email.png'), fullPage: true });
    }
    const confirmUrl = /https?:\/\/\S+\/confirm\/[\w.-]+/.exec(email.text)?.[0];
    expect(confirmUrl?.startsWith(baseUrl)).toBe(true);
    await page.goto(confirmUrl!); // with JavaScript the page confirms by itself: one click from the email
    await page.waitForSelector('h1:has-text("You are subscribed!")');
    const confirmed = await reader('ada@example.org');
    expect(confirmed).toMatchObject({ status: 'active', timezone: 'Europe/Berlin' });
    expect(confirmed.topics.map((t) => t.raw)).toEqual(['reward models', 'robotics']);

    await page.click('a:has-text("Change your topics or schedule")');
    await page.waitForSelector('h1:has-text("Your paperboy subscription")');
    await page.fill('#topics', 'diffusion models\nrobotics');
    await page.check('input[name="frequency"][value="weekly"]');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'manage.png'), fullPage: true });
    await page.click('button:has-text("Save changes")');
    await page.waitForSelector('text=Saved.');
    const changed = await reader('ada@example.org');
    expect(changed.topics.map((t) => t.raw)).toEqual(['diffusion models', 'robotics']);
    expect(changed.frequency).toBe('weekly');

    await page.click('a:has-text("Unsubscribe")');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'unsubscribe.png'), fullPage: true });
    await page.click('button:has-text("Unsubscribe")');
    await page.waitForSelector('h1:has-text("You are unsubscribed")');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'unsubscribed.png'), fullPage: true });
    expect((await reader('ada@example.org')).status).toBe('unsubscribed');

    await page.click('button:has-text("Resubscribe")');
    await page.waitForSelector('text=Welcome back!');
    // Back in: the heading says so, no longer "Unsubscribe from paperboy?".
    expect(await page.textContent('h1')).toBe('You are subscribed again');
    const back = await reader('ada@example.org');
    expect(back.status).toBe('active');
    expect(back.nextDigestAt).not.toBeNull();
  });
});

describe('the subscribe form without JavaScript', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(() => browser.close());

  it('when a mistake is made and then fixed, then the server explains it and the subscription goes through', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.fill('#email', 'no-js@');
    await page.fill('#topics', 'speech recognition');
    await page.click('#subscribe-button');
    await page.waitForSelector('#email-error');
    expect(await page.textContent('#email-error')).toContain('does not look like an email address');
    expect(await page.inputValue('#topics')).toBe('speech recognition');
    await page.fill('#email', 'no-js@example.org');
    await page.click('label.chip:has-text("AI agents")');
    await page.click('#subscribe-button');
    await page.waitForSelector('h1:has-text("Check your inbox")');
    const stored = await reader('no-js@example.org');
    expect(stored.status).toBe('pending');
    expect(stored.topics.map((t) => t.raw).sort()).toEqual(['AI agents', 'speech recognition']);
  });
});
