// Issue 14, readers 5 (in part): a page view asks for nothing that is missing; /favicon.ico is the logo mark.
import { openBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it('when a reader opens the start page, then no request fails and the favicon is served', async () => {
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)));
    await page.goto(`${app.baseUrl}/`);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    const icon = await fetch(`${app.baseUrl}/favicon.ico`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(await icon.text()).toContain('<svg');
  } finally {
    await browser.close();
  }
});
