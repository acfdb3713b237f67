// Issue 14, readers 4: axe-core over every reader and admin page, in a real Chromium at desktop
// and phone widths, in the states a person meets them (errors shown, paused, unsubscribed...).
// Zero serious or critical WCAG 2.x A/AA violations. Not checked: /admin/queues, Bull Board's
// own React app (axe finds icon-only buttons without names, an unlabelled logo, low-contrast
// worker badges and names that differ from the visible text: all in its markup, which we do
// not render).
import path from 'node:path';
import { buildConfirmUrl, buildReaderLinks } from '@paperboy/core';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { openBrowser, type TestBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(120_000);
const SCREENSHOTS = process.env.PAPERBOY_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../../docs');
const ADMIN = { username: 'operator', password: 'correct-horse-battery' };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    PUBLIC_URL: 'http://127.0.0.1:1',
    ADMIN_USER: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
  });
});
afterAll(() => app.close());

const local = (url: string) => url.replace(app.config.PUBLIC_URL, app.baseUrl);

async function reader(email: string, status: 'pending' | 'active' | 'paused' | 'unsubscribed') {
  const r = await app.database.db.subscriber.create({
    data: {
      email,
      status,
      confirmedAt: status === 'pending' ? null : new Date(),
      unsubscribedAt: status === 'unsubscribed' ? new Date() : null,
      topics: { create: [{ raw: 'reward models', key: 'reward model' }] },
    },
  });
  return { id: r.id, links: buildReaderLinks(app.config, r.id), confirmUrl: buildConfirmUrl(app.config, r.id) };
}

/** Every page a reader or operator can reach, each reached the way a person would. */
async function visitEveryPage(context: BrowserContext, check: (name: string, page: Page) => Promise<void>) {
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/`);
  await check('subscribe form', page);
  await page.fill('#email', 'not-an-address');
  await page.check('input[name="digestMode"][value="topics"]');
  await page.evaluate(() => (document.getElementById('subscribe-form') as HTMLFormElement).submit()); // past the browser's own checks
  await page.waitForSelector('#email-error');
  await check('subscribe form with errors', page);
  await page.goto(`${app.baseUrl}/subscribe/sent`);
  await check('check your inbox', page);

  const pending = await reader(`pending-${Date.now()}@example.org`, 'pending');
  await page.goto(local(pending.confirmUrl));
  await page.waitForSelector('h1:has-text("You are subscribed!")');
  await check('confirmed', page);
  await page.goto(`${app.baseUrl}/confirm/not-a-token`);
  await check('link problem', page);

  for (const status of ['active', 'paused', 'unsubscribed'] as const) {
    const r = await reader(`${status}-${Date.now()}@example.org`, status);
    await page.goto(local(r.links.manageUrl));
    await check(`manage (${status})`, page);
    if (status === 'active') {
      await page.fill('#topics', 'x'.repeat(200));
      await page.click('button:has-text("Save changes")');
      await page.waitForSelector('#topics-error');
      await check('manage with errors', page);
      await page.goto(local(r.links.unsubscribeUrl));
      await check('unsubscribe', page);
      await page.click('button:has-text("Unsubscribe")');
      await page.waitForSelector('h1:has-text("You are unsubscribed")');
      await check('unsubscribed', page);
    }
  }
  await page.goto(`${app.baseUrl}/admin`);
  await check('admin overview', page);
  const looked = await reader(`looked-up-${Date.now()}@example.org`, 'active');
  await app.database.db.delivery.create({
    data: { subscriberId: looked.id, periodKey: 'd2026-12-01', status: 'sent', attempts: 1, sentAt: new Date() },
  });
  await page.goto(`${app.baseUrl}/admin/readers`);
  await page.fill(
    '#q',
    (await app.database.db.subscriber.findUniqueOrThrow({ where: { id: looked.id } })).email.toUpperCase(),
  );
  await page.click('button:has-text("Find")');
  await page.waitForSelector('h2:has-text("Last deliveries")');
  await check('reader lookup', page);
  await page.close();
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  describe(`every page at ${viewport.width} px`, () => {
    let browser: TestBrowser;
    beforeAll(async () => {
      browser = await openBrowser({ viewport, httpCredentials: ADMIN });
    });
    afterAll(() => browser.close());

    it('when axe-core checks each page, then none has a serious or critical violation', async () => {
      const found: Record<string, unknown> = {};
      await visitEveryPage(browser.context, async (name, page) => {
        if (SCREENSHOTS && name === 'reader lookup' && viewport.width === 1280)
          await page.screenshot({ path: path.join(DOCS, 'admin-readers.png'), fullPage: true });
        const problems = await seriousViolations(page);
        if (problems.length > 0) found[name] = problems;
      });
      expect(found).toEqual({});
    });
  });
}

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((v) => v / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('what axe cannot judge', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  it('when inputs and topic chips are drawn, then their borders contrast 3:1 with the card around them', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.baseUrl}/`);
    const pairs = await page.$$eval('#email, #topics, #timezone, .chip span', (els) =>
      els.map((el) => {
        let around = el.parentElement;
        while (around && getComputedStyle(around).backgroundColor === 'rgba(0, 0, 0, 0)') around = around.parentElement;
        return {
          border: getComputedStyle(el).borderTopColor,
          around: around ? getComputedStyle(around).backgroundColor : 'rgb(255, 255, 255)',
          own: getComputedStyle(el).backgroundColor,
        };
      }),
    );
    expect(pairs.length).toBeGreaterThan(3);
    for (const p of pairs) {
      expect(contrast(p.border, p.around)).toBeGreaterThanOrEqual(3);
      if (!p.own.startsWith('rgba(0, 0, 0, 0')) expect(contrast(p.border, p.own)).toBeGreaterThanOrEqual(3);
    }
  });

  it('when the form comes back with errors, then the summary lists each with a link to its field, and each field names its error', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.fill('#email', 'not-an-address');
    await page.fill('#topics', 'x'.repeat(200));
    await page.evaluate(() => (document.getElementById('subscribe-form') as HTMLFormElement).submit());
    await page.waitForSelector('#form-errors');
    const links = await page.$$eval('#form-errors a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#email', '#topics']);
    expect(await page.getAttribute('#topics', 'aria-describedby')).toBe('topics-hint topics-error');
    expect(await page.getAttribute('#email', 'aria-describedby')).toBe('email-error');
    await page.click('#form-errors a[href="#topics"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('topics');
  });
});
