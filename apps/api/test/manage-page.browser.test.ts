// Issue 14, readers 3: the preferences page in each state - every topic visible, the weekly day
// only for weekly, a Resume / Resubscribe button where the reader is paused / unsubscribed, a
// "Saved" that tells the truth in that state, and no "Unsubscribe" for someone who left.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildReaderLinks } from '@paperboy/core';
import { openBrowser, type TestBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);
const SCREENSHOTS = process.env.PAPERBOY_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../../docs');
const TOPICS = ['reward models', 'RLHF', 'robot learning', 'speech recognition', 'diffusion models'];

let app: TestApp;
let browser: TestBrowser;
beforeAll(async () => {
  app = await startTestApp({ PUBLIC_URL: 'http://127.0.0.1:1' });
  browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser.close();
  await app.close();
});

async function readerIn(status: 'active' | 'paused' | 'unsubscribed', email: string) {
  const r = await app.database.db.subscriber.create({
    data: {
      email,
      status,
      frequency: 'daily',
      timezone: 'Europe/Berlin',
      confirmedAt: new Date(),
      consentAt: new Date(),
      unsubscribedAt: status === 'unsubscribed' ? new Date() : null,
      topics: { create: TOPICS.map((raw) => ({ raw, key: raw.toLowerCase() })) },
    },
  });
  return { id: r.id, url: buildReaderLinks(app.config, r.id).manageUrl.replace(app.config.PUBLIC_URL, app.baseUrl) };
}
const statusOf = async (id: number) => (await app.database.db.subscriber.findUniqueOrThrow({ where: { id } })).status;
const mainText = async (page: Page) => (await page.textContent('main')) ?? '';

describe('the preferences page', () => {
  it('when a daily reader with five topics opens it, then every topic is visible and the weekly day shows only once weekly is picked', async () => {
    const { url } = await readerIn('active', 'five@example.org');
    const page = await browser.context.newPage();
    await page.goto(url);
    expect(await page.inputValue('#topics')).toBe(TOPICS.join('\n'));
    // Nothing scrolled away inside the box: it is as tall as its content.
    expect(await page.$eval('#topics', (t) => t.scrollHeight <= t.clientHeight + 1)).toBe(true);
    expect(await page.isVisible('#digestWeekday')).toBe(false);
    expect(await mainText(page)).toContain('Active: digests arrive every day at 08:00 Europe/Berlin.');
    await page.check('input[name="frequency"][value="weekly"]');
    expect(await page.isVisible('#digestWeekday')).toBe(true);
  });

  it('when a paused reader saves, then the notice says they are paused; Resume makes them active', async () => {
    const { id, url } = await readerIn('paused', 'paused@example.org');
    const page = await browser.context.newPage();
    await page.goto(url);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'manage-paused.png'), fullPage: true });
    await page.click('button:has-text("Save changes")');
    await page.waitForSelector('text=Your digests are paused: resume them');
    expect(await mainText(page)).not.toContain('Your next digest uses these settings');
    expect(await statusOf(id)).toBe('paused');
    await page.click('button:has-text("Resume digests")');
    await page.waitForSelector('text=Welcome back: your digests start again.');
    expect(await statusOf(id)).toBe('active');
    expect(await page.isVisible('button:has-text("Resume digests")')).toBe(false);
  });

  it('when an unsubscribed reader opens it, then there is no Unsubscribe link, saving says nothing is sent, and Resubscribe brings them back', async () => {
    const { id, url } = await readerIn('unsubscribed', 'left@example.org');
    const page = await browser.context.newPage();
    await page.goto(url);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'manage-unsubscribed.png'), fullPage: true });
    expect(await page.$$('a:has-text("Unsubscribe")')).toHaveLength(0);
    await page.click('button:has-text("Save changes")');
    await page.waitForSelector('text=You are unsubscribed, so nothing is sent');
    expect(await statusOf(id)).toBe('unsubscribed');
    await page.click('button:has-text("Resubscribe")');
    await page.waitForSelector('text=Welcome back! Your digests start again.');
    expect(await statusOf(id)).toBe('active');
    expect(await page.isVisible('a:has-text("Unsubscribe")')).toBe(true);
  });
});
