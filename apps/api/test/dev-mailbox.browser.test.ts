// The dev mailbox on a phone (Chromium, 390 px): the list of emails fits the screen; long
// addresses and subjects wrap instead of pushing the page sideways.
import { createMailTransport } from '@paperboy/email';
import { openBrowser, type TestBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);
let app: TestApp;
let browser: TestBrowser;
beforeAll(async () => {
  app = await startTestApp();
  browser = await openBrowser({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser.close();
  await app.close();
});

it('when the list holds a long address and subject, then at 390 px the page does not scroll sideways', async () => {
  const transport = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 1 });
  const subject =
    'AI for healthcare, diffusion models +1: Robust Tractography from Diffusion MRI in Paediatric Cohorts';
  await transport.sendMail({
    from: 'p@example.org',
    to: 'walker-emailonly-with-a-long-name@example.org',
    subject,
    text: 'body',
  });
  transport.close();
  await app.mailbox.waitFor((m) => m.subject === subject);
  const page = await browser.context.newPage();
  await page.goto(`${app.baseUrl}/dev/mailbox`);
  expect(await page.textContent('table')).toContain('walker-emailonly-with-a-long-name@example.org');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
