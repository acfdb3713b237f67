// With SUBSCRIBE_CHALLENGE=on, the page solves the proof-of-work in the browser and the server
// accepts the sign-up with it (not through the small no-JavaScript allowance).
import { openBrowser, type TestBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);
let app: TestApp;
let browser: TestBrowser;
beforeAll(async () => {
  app = await startTestApp({ SUBSCRIBE_CHALLENGE: 'on' });
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
  await app.close();
});

it('when a reader subscribes with JavaScript on, then the browser solves the challenge and the proof is used once', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${app.baseUrl}/`);
  await page.fill('#email', 'pow-reader@example.org');
  await page.fill('#topics', 'robotics');
  await page.click('#subscribe-button');
  await page.waitForSelector('h1:has-text("Check your inbox")');
  expect(
    (await app.database.db.subscriber.findUniqueOrThrow({ where: { email: 'pow-reader@example.org' } })).status,
  ).toBe('pending');
  expect(await app.redis.keys(`${app.config.REDIS_PREFIX}:pow:*`)).toHaveLength(1);
  expect(await app.redis.keys(`${app.config.REDIS_PREFIX}:ratelimit:subscribe-noproof:*`)).toHaveLength(0);
});
