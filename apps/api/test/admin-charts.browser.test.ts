// Issue 14, operators 6: the overview's last 30 days as charts an operator reads at a glance, at
// desktop and phone widths: the bars are drawn and visible, a day's tooltip names it, the numbers
// open in a table, and nothing runs off the side of a phone. PAPERBOY_SCREENSHOTS=1 refreshes
// docs/admin-overview-mobile.png.
import path from 'node:path';
import { openBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(90_000);
const ADMIN = { username: 'operator', password: 'correct-horse-battery' };
const DAY = 24 * 3600_000;
const SCREENSHOTS = process.env.PAPERBOY_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../../docs');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password });
  const db = app.database.db;
  const reader = await db.subscriber.create({ data: { email: 'chart@example.org', status: 'active' } });
  await db.delivery.createMany({
    data: [1, 2, 3, 5, 8].map((daysAgo) => ({
      subscriberId: reader.id,
      periodKey: `d-${daysAgo}`,
      status: daysAgo === 5 ? ('failed' as const) : ('sent' as const),
      createdAt: new Date(Date.now() - daysAgo * DAY),
    })),
  });
  await db.ingestRun.createMany({
    data: [
      { source: 'hf', status: 'succeeded', startedAt: new Date(Date.now() - 2 * DAY), inserted: 12 },
      { source: 'arxiv', status: 'succeeded', startedAt: new Date(Date.now() - 2 * DAY), inserted: 30 },
    ],
  });
});
afterAll(() => app.close());

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  it(`when an operator opens the overview at ${viewport.width} px, then the 30-day charts show bars with tooltips and numbers, within the screen's width`, async () => {
    const browser = await openBrowser({ viewport, httpCredentials: ADMIN });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${app.baseUrl}/admin?fresh=1`);
      const digests = page.locator('#chart-digests');
      await digests.scrollIntoViewIfNeeded();
      // Five digest days drawn, each bar with a real size on screen.
      const bars = digests.locator('svg rect');
      expect(await bars.count()).toBe(5);
      const box = (await bars.first().boundingBox())!;
      expect(box.width).toBeGreaterThan(2);
      expect(box.height).toBeGreaterThan(10);
      expect(await digests.locator('svg g title').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^[A-Z][a-z]{2} \d+: 0 sent, 1 failed, 0 skipped$/)]),
      );
      // Papers by source: one bar with two parts, a legend naming both.
      expect(await page.locator('#chart-papers svg rect').count()).toBe(2);
      expect(await page.locator('#chart-papers .legend').textContent()).toMatch(/arXiv 30.*Hugging Face 12/);
      // The numbers, one click away.
      await digests.locator('summary').click();
      expect(await digests.locator('details table tbody tr').count()).toBe(30);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      if (SCREENSHOTS && viewport.width === 390)
        await page.screenshot({ path: path.join(DOCS, 'admin-overview-mobile.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
}
