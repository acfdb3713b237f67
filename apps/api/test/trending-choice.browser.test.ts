// Issue 19 in a real browser (Chromium): the subscribe form offers "Top trending", "My topics"
// and "My topics + top trending"; the preview shows the top trending papers when no topic is
// typed and "Also trending" after the matches; an email alone subscribes, with JavaScript and
// without. PAPERBOY_SCREENSHOTS=1 refreshes docs/subscribe.png and docs/subscribe-mobile.png.
import path from 'node:path';
import { openBrowser, type TestBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(90_000);
const SCREENSHOTS = process.env.PAPERBOY_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../../docs');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ TRENDING_MIN_UPVOTES: '5' });
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
  await app.database.db.paper.createMany({
    data: [
      {
        sourceId: '2612.10001',
        title: 'Scaling test-time compute for reasoning',
        abstract: 'Reasoning with more compute.',
        publishedAt: hoursAgo(5),
        upvotes: 238,
        authors: ['Ada Lovelace', 'Alan Turing'],
        hfUrl: 'https://huggingface.co/papers/2612.10001',
      },
      {
        sourceId: '2612.10002',
        title: 'Reward models that explain themselves',
        abstract: 'We train reward models with rationales.',
        publishedAt: hoursAgo(6),
        upvotes: 41,
        authors: ['Grace Hopper'],
        hfUrl: 'https://huggingface.co/papers/2612.10002',
      },
      {
        sourceId: '2612.10003',
        title: 'Video diffusion at a glance',
        abstract: 'A short look at video generation with diffusion.',
        publishedAt: hoursAgo(9),
        upvotes: 97,
        authors: ['Katherine Johnson'],
        hfUrl: 'https://huggingface.co/papers/2612.10003',
      },
      {
        sourceId: '2612.10004',
        title: 'A quiet paper on graph coloring',
        abstract: 'Graph coloring bounds.',
        publishedAt: hoursAgo(7),
        upvotes: 2,
        authors: ['Edsger Dijkstra'],
      },
    ],
  });
});
afterAll(() => app.close());

const reader = (email: string) =>
  app.database.db.subscriber.findUniqueOrThrow({ where: { email }, include: { topics: true } });

describe('the three choices, with JavaScript', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  it('when no topic is typed, then the preview shows the top trending papers; typed topics bring "Also trending"; "Top trending" subscribes with an email alone', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.baseUrl}/`);
    const choices = await page.$$eval('input[name="digestMode"]', (radios) =>
      radios.map((r) => [
        (r as HTMLInputElement).value,
        (r as HTMLInputElement).checked,
        r.closest('label')!.querySelector('strong')!.textContent,
      ]),
    );
    expect(choices).toEqual([
      ['trending', false, 'Top trending'],
      ['topics', false, 'My topics'],
      ['topics_trending', true, 'My topics + top trending'],
    ]);
    await page.waitForSelector('#preview-heading:has-text("Top trending right now")');
    await page.waitForSelector('#preview-list li');
    const items = await page.$$eval('#preview-list li', (lis) => lis.map((li) => li.textContent));
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('Scaling test-time compute for reasoning');
    expect(items[0]).toContain('▲ 238 · #1 on Hugging Face today');
    expect(items.join(' ')).not.toContain('graph coloring');
    await page.fill('#email', 'trending-reader@example.org');
    if (SCREENSHOTS) {
      await page.screenshot({ path: path.join(DOCS, 'subscribe.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(DOCS, 'subscribe-mobile.png'), fullPage: true });
      await page.setViewportSize({ width: 1100, height: 900 });
    }

    await page.fill('#topics', 'reward models');
    await page.waitForSelector('#also-heading:not([hidden])');
    expect(await page.textContent('#preview-heading')).toBe('Recent papers you would have got');
    expect(await page.textContent('#preview-list')).toContain('Reward models that explain themselves');
    const also = await page.$$eval('#also-list li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(also.map((t) => t.split('Ada')[0]?.split('Katherine')[0])).toEqual([
      'Scaling test-time compute for reasoning',
      'Video diffusion at a glance',
    ]);

    // Two topics: a heading per topic with its recent papers, and the papers under them still numbered 1, 2, 3.
    await page.fill('#topics', 'reward models, video diffusion');
    await page.waitForSelector('#preview-list li.preview-section:has-text("video diffusion")');
    const numbered = await page.$$eval('#preview-list li', (lis) =>
      lis.map((li) => (li.classList.contains('preview-section') ? `# ${li.textContent}` : (li as HTMLLIElement).value)),
    );
    expect(numbered).toEqual(['# reward models · 1 recent paper', 1, '# video diffusion · 1 recent paper', 2]);
    await page.fill('#topics', 'reward models');
    await page.waitForSelector('#preview-list li.preview-section:has-text("video diffusion")', { state: 'detached' });

    await page.check('input[name="digestMode"][value="topics"]');
    await page.waitForSelector('#also-heading', { state: 'hidden' });
    expect(await page.$$eval('#also-list li', (lis) => lis.length)).toBe(0);

    // Every visible field has a label a screen reader announces.
    const unlabelled = await page.$$eval('input:not([type=hidden]), select, textarea', (fields) =>
      fields.filter((f) => !(f as HTMLInputElement).labels?.length).map((f) => f.outerHTML),
    );
    expect(unlabelled).toEqual([]);

    await page.check('input[name="digestMode"][value="trending"]');
    await page.fill('#topics', '');
    await page.waitForSelector('#preview-heading:has-text("Top trending right now")');
    await page.click('#subscribe-button');
    await page.waitForSelector('h1:has-text("Check your inbox")');
    expect(await reader('trending-reader@example.org')).toMatchObject({
      status: 'pending',
      digestMode: 'trending',
      topics: [],
    });
  });
});

describe('the three choices, without JavaScript', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(() => browser.close());

  it('when only an address is typed, then the sign-up goes through as top trending; "My topics" with no topic is explained on the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.fill('#email', 'mine-but-empty@example.org');
    await page.check('input[name="digestMode"][value="topics"]');
    await page.click('#subscribe-button');
    await page.waitForSelector('#topics-error');
    expect(await page.textContent('#topics-error')).toContain('or choose "Top trending"');
    expect(await page.isChecked('input[name="digestMode"][value="topics"]')).toBe(true);

    await page.goto(`${app.baseUrl}/`);
    await page.fill('#email', 'email-only@example.org');
    await page.click('#subscribe-button');
    await page.waitForSelector('h1:has-text("Check your inbox")');
    expect(await reader('email-only@example.org')).toMatchObject({
      status: 'pending',
      digestMode: 'trending',
      topics: [],
    });
  });
});
