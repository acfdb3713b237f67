// An operator in a real browser (headless Chromium): signs in to /admin and /admin/queues,
// finds a failed job, retries it, and sees it complete. Set UPDATE_SCREENSHOTS=1 to refresh
// docs/admin-overview.png and docs/queues-dashboard.png.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import { Client } from 'pg';
import { chromium, type BrowserContext } from 'playwright-core';
import { QUEUE } from '@paperboy/queue';
import { seedAdminOverview } from '../../../bench/admin-overview-seed';
import { startTestApp, type TestApp } from './test-app';

const ADMIN = { username: 'operator', password: 'correct-horse-battery' };
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DOCS = path.resolve(__dirname, '../../../docs');
const screenshots = Boolean(process.env.UPDATE_SCREENSHOTS);

let app: TestApp;
let worker: Worker;
let workerConnection: ReturnType<TestApp['redis']['duplicate']>;
const attempts: string[] = [];

async function withBrowser<T>(
  credentials: typeof ADMIN | undefined,
  use: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const profile = await mkdtemp(path.join(tmpdir(), 'paperboy-admin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ARGS,
    headless: true,
    httpCredentials: credentials,
    viewport: { width: 1280, height: 900 },
  });
  try {
    return await use(context);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function waitForState(id: string, state: string): Promise<void> {
  // Polls Redis until the job reaches the state; Jest's timeout bounds it (no timing assertion).
  while ((await app.queues[QUEUE.ingest].getJobState(id)) !== state) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  app = await startTestApp({ ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password });
  const client = new Client({ connectionString: app.database.url });
  await client.connect();
  await seedAdminOverview(client, { readers: 2_400 }).finally(() => client.end());
  // A real BullMQ worker whose first attempt fails, like an upstream API that was briefly down.
  workerConnection = app.redis.duplicate();
  worker = new Worker(
    QUEUE.ingest,
    async (job) => {
      attempts.push(job.id!);
      // Counted here, not by job.attemptsMade: a manual retry may reset BullMQ's counter.
      if (attempts.filter((id) => id === job.id).length === 1)
        throw new Error('Hugging Face API answered 503 Service Unavailable');
      return { source: job.data.source, inserted: 12 };
    },
    { connection: workerConnection, prefix: app.config.REDIS_PREFIX },
  );
});

afterAll(async () => {
  await worker?.close();
  workerConnection?.disconnect();
  await app?.close();
});

jest.setTimeout(60_000);

describe('admin in the browser', () => {
  it('when the browser has no credentials, then /admin and /admin/queues answer 401', async () => {
    await withBrowser(undefined, async (context) => {
      const page = await context.newPage();
      // Headless Chromium cancels the sign-in prompt and fails the navigation; the response it got is the 401.
      for (const url of [`${app.baseUrl}/admin`, `${app.baseUrl}/admin/queues`]) {
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.url() === url),
          page.goto(url).catch(() => null),
        ]);
        expect([url, response.status(), response.headers()['www-authenticate']]).toEqual([
          url,
          401,
          expect.stringMatching(/^Basic/),
        ]);
      }
    });
  });

  it('when an operator signs in, then the overview shows the numbers and the send switch', async () => {
    await withBrowser(ADMIN, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(`${app.baseUrl}/admin`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { name: 'Admin overview' }).isVisible()).resolves.toBe(true);
      expect(await page.locator('.tile', { hasText: 'active readers' }).locator('.n').textContent()).toBe('1,920');
      expect(await page.getByText('large language models').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Pause sending' }).click();
      await page.getByText('Sending is paused.').waitFor();
      expect(await app.queues[QUEUE.digestSend].isPaused()).toBe(true);
      await page.getByRole('button', { name: 'Resume sending' }).click();
      await page.getByText('Sending resumed.').waitFor();
      expect(await app.queues[QUEUE.digestSend].isPaused()).toBe(false);
    });
  });

  it('when a job failed, then the operator sees it on the dashboard, retries it, and it completes', async () => {
    const job = await app.queues[QUEUE.ingest].add(
      'ingest',
      { source: 'hf' },
      { jobId: 'ingest-hf-2026-11-27', attempts: 1 },
    );
    await waitForState(job.id!, 'failed');
    await withBrowser(ADMIN, async (context) => {
      const page = await context.newPage();
      // The overview's live queue table shows the failure and links to it on the dashboard.
      await page.goto(`${app.baseUrl}/admin`);
      const row = page.locator('tr', { has: page.getByRole('link', { name: QUEUE.ingest, exact: true }) });
      expect(await row.locator('td').last().textContent()).toBe('1');
      if (screenshots) await page.screenshot({ path: path.join(DOCS, 'admin-overview.png'), fullPage: true });
      await row.getByRole('link', { name: QUEUE.ingest, exact: true }).click();
      await page.waitForURL(`**/admin/queues/queue/${QUEUE.ingest}?status=failed`);
      const card = page.locator('[class*="jobId"]', { hasText: job.id! });
      await card.waitFor();
      await page.getByText('Hugging Face API answered 503 Service Unavailable').first().waitFor();
      if (screenshots) await page.screenshot({ path: path.join(DOCS, 'queues-dashboard.png') });
      // The job card's first action is "Retry" (an icon button with a tooltip); Bull Board asks to confirm.
      await page.locator('ul[class*="jobActions"] li').first().locator('button').click();
      await page.getByText('Are you sure that you want to retry this job?').waitFor();
      await page.getByRole('button', { name: 'Confirm' }).click();
      await waitForState(job.id!, 'completed');
      await page.goto(`${app.baseUrl}/admin/queues/queue/${QUEUE.ingest}?status=completed`);
      await page.locator('[class*="jobId"]', { hasText: job.id! }).waitFor();
    });
    expect(attempts.filter((id) => id === job.id)).toHaveLength(2);
    expect(await (await app.queues[QUEUE.ingest].getJob(job.id!))?.returnvalue).toEqual({ source: 'hf', inserted: 12 });
  });
});
