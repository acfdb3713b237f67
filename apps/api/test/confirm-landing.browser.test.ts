// Issue 14, readers 2: one click from the email confirms (the landing page posts by itself when
// JavaScript runs), the button stays for readers without it, a plain fetch (a link scanner)
// confirms nothing, and both pages state what arrives when, with a link to change it.
import path from 'node:path';
import { buildConfirmUrl } from '@paperboy/core';
import { openBrowser, type TestBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);
const SCREENSHOTS = process.env.PAPERBOY_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../../docs');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ PUBLIC_URL: 'http://127.0.0.1:1' });
});
afterAll(() => app.close());

async function pendingReader(email: string, frequency: 'daily' | 'weekly' = 'daily') {
  const reader = await app.database.db.subscriber.create({
    data: {
      email,
      status: 'pending',
      frequency,
      digestMode: 'topics_trending',
      timezone: 'Europe/Berlin',
      digestHour: 8,
      digestWeekday: 3,
      topics: { create: ['reward models', 'robotics'].map((raw) => ({ raw, key: raw })) },
    },
  });
  return { id: reader.id, url: buildConfirmUrl(app.config, reader.id).replace(app.config.PUBLIC_URL, app.baseUrl) };
}
const statusOf = async (id: number) => (await app.database.db.subscriber.findUniqueOrThrow({ where: { id } })).status;

describe('the confirmation landing page', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  it('when a person opens the link with JavaScript, then it confirms without a second click and says when, where and what, with a link to change it', async () => {
    const { id, url } = await pendingReader('one-click@example.org');
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector('h1:has-text("You are subscribed!")');
    expect(await statusOf(id)).toBe('active');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('every day at 08:00 Europe/Berlin');
    expect(text).toContain('reward models');
    expect(text).toContain('robotics');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'confirmed.png'), fullPage: true });
    const change = await page.getAttribute('a:has-text("Change your topics or schedule")', 'href');
    await page.goto(change!.replace(app.config.PUBLIC_URL, app.baseUrl));
    await page.waitForSelector('h1:has-text("Your paperboy subscription")');
  });

  it('when the link is only fetched (a mail scanner), then nothing is confirmed', async () => {
    const { id, url } = await pendingReader('scanned@example.org');
    const res = await fetch(url, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Yes, send me papers');
    expect(await statusOf(id)).toBe('pending');
  });
});

describe('the confirmation landing page without JavaScript', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(() => browser.close());

  it('when it opens, then it waits for the button, already stating the weekly day, time, zone and topics', async () => {
    const { id, url } = await pendingReader('no-js-confirm@example.org', 'weekly');
    const page = await browser.context.newPage();
    await page.goto(url);
    expect(await page.textContent('form')).toContain('every Wednesday at 08:00 Europe/Berlin');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'confirm-landing.png'), fullPage: true });
    expect(await statusOf(id)).toBe('pending');
    await page.click('button:has-text("Yes, send me papers")');
    await page.waitForSelector('h1:has-text("You are subscribed!")');
    expect(await statusOf(id)).toBe('active');
  });
});
