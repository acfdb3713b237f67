// Issue 13, item 4 in a real browser (Chromium): while a reader types, each topic gets its
// recent papers and, when needed, "did you mean", "too broad" or "nothing recent" with topics to
// pick instead (a click replaces the topic); the preview stands beside the form on a wide screen
// and under it on a phone; the preferences page has the same. Without JavaScript the form still
// submits. PAPERBOY_SCREENSHOTS=1 refreshes docs/guidance-*.png.
import path from 'node:path';
import { buildReaderLinks } from '@paperboy/core';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { openBrowser, type TestBrowser } from './browser';
import { seedGuidancePapers } from './guidance-papers';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(120_000);
const SCREENSHOTS = process.env.PAPERBOY_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../../docs');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ PUBLIC_URL: 'http://127.0.0.1:1' });
  await seedGuidancePapers(app);
});
afterAll(() => app.close());

async function typeTopics(page: Page, text: string) {
  await page.fill('#topics', '');
  await page.type('#topics', text);
}
const guidanceText = (page: Page) => page.textContent('#topic-guidance-list');

/** The topics box and its guidance at the top of the screen, for the screenshot. */
async function shoot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  await page.evaluate(() => {
    const label = document.querySelector('label[for="topics"]') as HTMLElement;
    window.scrollTo(0, label.getBoundingClientRect().top + window.scrollY - 16);
  });
  await page.screenshot({ path: path.join(DOCS, name) });
}

describe('guidance while typing, with JavaScript', () => {
  for (const [width, height, suffix] of [
    [1280, 900, ''],
    [390, 844, '-mobile'],
  ] as const) {
    it(`when a reader types a misspelt, a broad and a quiet topic (${width} px), then each gets its guidance and a click replaces the topic`, async () => {
      const browser: TestBrowser = await openBrowser({ viewport: { width, height } });
      try {
        const page = await browser.context.newPage();
        await page.goto(`${app.baseUrl}/`);
        await page.check('input[name="digestMode"][value="topics"]');

        await typeTopics(page, 'difusion models');
        await page.waitForSelector('#topic-guidance-list li.guide-quiet button.suggestion');
        expect(await guidanceText(page)).toContain(
          'difusion models: nothing in the last 14 days. Did you mean diffusion models (4)?',
        );
        expect(await page.textContent('#topic-guidance-status')).toContain('Did you mean diffusion models?');
        const preview = await page.$eval('#preview', (el) => el.getBoundingClientRect().toJSON());
        const box = await page.$eval('#topics', (el) => el.getBoundingClientRect().toJSON());
        if (width > 1000) {
          // Beside the form, and in view while typing (it used to start ~1,100 px below).
          expect(preview.left).toBeGreaterThanOrEqual(box.right);
          expect(preview.top).toBeLessThan(height);
        } else {
          expect(preview.top).toBeGreaterThan(box.bottom);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        }
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `guidance-typo${suffix}.png`);

        await page.click('button.suggestion:has-text("diffusion models (4)")');
        expect(await page.inputValue('#topics')).toBe('diffusion models');
        await page.waitForSelector('#topic-guidance-list li.guide-ok');
        expect(await guidanceText(page)).toContain('diffusion models · 4 recent papers');
        // What the click did is still there for a screen reader once the new guidance is in.
        expect(await page.textContent('#topic-guidance-status')).toBe(
          'Replaced difusion models with diffusion models.',
        );
        await page.waitForSelector('#preview-list li:has-text("Latent diffusion models for video")');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('topics');

        await typeTopics(page, 'AI');
        await page.waitForSelector('#topic-guidance-list li.guide-broad');
        expect(await guidanceText(page)).toMatch(
          /AI matches \d+% of the last 14 days' papers \(\d+ of 34\): too broad, add words\?/,
        );
        expect(await page.$$eval('li.guide-broad button.suggestion', (b) => b.map((x) => x.textContent))).toEqual(
          expect.arrayContaining([expect.stringMatching(/^AI agents \(\d+\)$/)]),
        );
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `guidance-broad${suffix}.png`);

        await typeTopics(page, 'reward models, quantum error correction');
        await page.waitForSelector('#topic-guidance-list li.guide-quiet:has-text("quantum error correction")');
        expect(await guidanceText(page)).toContain('reward models · 1 recent paper');
        expect(await guidanceText(page)).toContain('Related, with papers: error correction (2)');
        expect(await page.textContent('#preview-list')).toContain('Nothing recent on quantum error correction.');
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `guidance-quiet${suffix}.png`);

        // The suggestion replaces only the topic it is for, the other stays as typed.
        await page.click('button.suggestion:has-text("error correction (2)")');
        expect(await page.inputValue('#topics')).toBe('reward models, error correction');
      } finally {
        await browser.close();
      }
    });
  }

  it('when the window holds more papers than the preview reads, then every line says "the N newest papers", not "two weeks"', async () => {
    const busy = await startTestApp({ PUBLIC_URL: 'http://127.0.0.1:1', PREVIEW_MAX_PAPERS: '10' });
    const browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      expect(await seedGuidancePapers(busy)).toBeGreaterThan(10);
      const page = await browser.context.newPage();
      await page.goto(`${busy.baseUrl}/`);
      await page.check('input[name="digestMode"][value="topics"]');
      await typeTopics(page, 'AI agents, quantum error correction');
      await page.waitForSelector('#topic-guidance-list li.guide-quiet:has-text("quantum error correction")');
      expect(await guidanceText(page)).toContain('quantum error correction: nothing in the 10 newest papers.');
      expect(await page.textContent('#topic-guidance .hint')).toBe('Your topics in the 10 newest papers:');
      // The preview shows the top few; the headings count them all.
      const listed = await page.locator('#preview-list li:not(.preview-section):not(.preview-quiet)').count();
      expect(listed).toBeGreaterThan(0);
      expect(await page.textContent('#preview-status')).toBe(
        listed === 1 ? 'Your top paper from the 10 newest papers:' : `Your top ${listed} from the 10 newest papers:`,
      );
      expect(await page.textContent('#preview-list')).toContain(
        'Nothing in the 10 newest papers on quantum error correction.',
      );
      await typeTopics(page, 'quantum error correction');
      await page.waitForFunction(() => document.querySelector('#preview-status')?.textContent?.startsWith('Nothing'));
      expect(await page.textContent('#preview-status')).toBe(
        'Nothing in the 10 newest papers matches yet. New papers arrive every day.',
      );
    } finally {
      await browser.close();
      await busy.close();
    }
  });

  it('when a reader edits topics on the preferences page, then the same guidance and preview appear beside the form', async () => {
    const reader = await app.database.db.subscriber.create({
      data: {
        email: 'prefs-guidance@example.org',
        status: 'active',
        confirmedAt: new Date(),
        topics: { create: [{ raw: 'reward models', key: 'reward model' }] },
      },
    });
    const browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await browser.context.newPage();
      const manage = buildReaderLinks(app.config, reader.id).manageUrl.replace(app.config.PUBLIC_URL, app.baseUrl);
      await page.goto(manage);
      await page.waitForSelector('#topic-guidance-list li.guide-ok:has-text("reward models · 1 recent paper")');
      await typeTopics(page, 'difusion models');
      await page.waitForSelector('#topic-guidance-list button.suggestion:has-text("diffusion models (4)")');
      const preview = await page.$eval('#preview', (el) => el.getBoundingClientRect().toJSON());
      const box = await page.$eval('#topics', (el) => el.getBoundingClientRect().toJSON());
      expect(preview.left).toBeGreaterThanOrEqual(box.right);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('without JavaScript', () => {
  it('when a reader submits the form, then it works as before and no guidance or preview shows', async () => {
    const browser = await openBrowser({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${app.baseUrl}/`);
      expect(await page.isHidden('#preview')).toBe(true);
      expect(await page.isHidden('#topic-guidance')).toBe(true);
      await page.fill('#email', 'nojs-guidance@example.org');
      await page.fill('#topics', 'difusion models');
      await page.click('#subscribe-button');
      await page.waitForURL('**/subscribe/sent');
      const stored = await app.database.db.subscriber.findUniqueOrThrow({
        where: { email: 'nojs-guidance@example.org' },
        include: { topics: true },
      });
      expect(stored.topics.map((t) => t.raw)).toEqual(['difusion models']);
    } finally {
      await browser.close();
    }
  });
});
