// Issue 14, operators 8: Bull Board (/admin/queues) carries the admin nav, so an operator gets
// back to the overview in one click, at desktop and phone widths, and the page does not run
// off the side of a phone.
import path from 'node:path';
import { QUEUE } from '@paperboy/queue';
import { openBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(90_000);
const ADMIN = { username: 'operator', password: 'correct-horse-battery' };
const SCREENSHOTS = process.env.PAPERBOY_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../../docs');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password });
  const job = await app.queues[QUEUE.ingest].add('ingest', { source: 'huggingface' }, { jobId: 'ingest-failed-once' });
  const error = new Error('Hugging Face API answered 503 Service Unavailable');
  error.stack = `Error: ${error.message}`; // the screenshot shows the error, not this file's path
  await job.moveToFailed(error, '0', false).catch(() => undefined);
});
afterAll(() => app.close());

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  it(`when an operator is on the queue dashboard at ${viewport.width} px, then the admin nav is on screen and leads back to the overview`, async () => {
    const browser = await openBrowser({ viewport, httpCredentials: ADMIN });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${app.baseUrl}/admin/queues/queue/ingest`);
      await page.waitForLoadState('networkidle');
      const back = page.locator('nav[aria-label="Admin"] a[href="/admin"]');
      expect(await back.isVisible()).toBe(true);
      const box = (await back.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // What covers the link's centre is the link itself (not Bull Board's fixed header).
      expect(
        await page.evaluate(
          ([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.getAttribute('href'),
          [box.x + box.width / 2, box.y + box.height / 2],
        ),
      ).toBe('/admin');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      if (SCREENSHOTS)
        await page.screenshot({
          path: path.join(DOCS, viewport.width === 390 ? 'queues-dashboard-mobile.png' : 'queues-dashboard.png'),
          fullPage: false,
        });
      await back.click();
      await page.waitForSelector('h1:has-text("Admin overview")');
    } finally {
      await browser.close();
    }
  });
}
