import { QUEUE } from '@paperboy/queue';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
const auth = `Basic ${Buffer.from('admin:correct-horse-battery').toString('base64')}`;
const paper = (n: number, upvotes = 0) => ({
  id: `2611.${90000 + n}`,
  title: `Paper ${n}`,
  abstract: 'A study.',
  authors: ['A. Author'],
  publishedAt: '2026-11-20',
  upvotes,
});

beforeAll(async () => {
  app = await startTestApp({
    ADMIN_USER: 'admin',
    ADMIN_PASSWORD: 'correct-horse-battery',
    PAPERS_API_MAX_BODY_KB: '8',
    PAPERS_API_MAX_BATCH: '20',
  });
});
afterAll(async () => {
  await app.close();
});

function post(body: unknown, headers: Record<string, string> = { authorization: auth }) {
  return fetch(`${app.baseUrl}/api/papers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/papers', () => {
  it('when credentials are missing or wrong, then it answers 401 and stores nothing', async () => {
    const wrong = `Basic ${Buffer.from('admin:guess').toString('base64')}`;
    for (const headers of [{}, { authorization: wrong }] as Record<string, string>[]) {
      const res = await post([paper(1)], headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
    expect(await app.database.db.paper.count()).toBe(0);
  });

  it('when the body is larger than the limit, then it answers 413 and stores nothing', async () => {
    const huge = Array.from({ length: 10 }, (_, i) => ({ ...paper(i), abstract: 'x'.repeat(2000) }));
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await app.database.db.paper.count()).toBe(0);
  });

  it('when a batch mixes good and bad papers, then good ones are stored and each bad one is reported with its reason (207)', async () => {
    const res = await post({ papers: [paper(1), { id: '2611.90002', abstract: 'no title' }, paper(3), 42] });
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.counts).toEqual({ received: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(body.accepted.map((a: { index: number; status: string }) => [a.index, a.status])).toEqual([
      [0, 'inserted'],
      [2, 'inserted'],
    ]);
    expect(body.rejected).toEqual([
      { index: 1, recordId: '2611.90002', reason: expect.stringContaining('title') },
      { index: 3, reason: expect.any(String) },
    ]);
    expect((await app.database.db.paper.findMany({ orderBy: { sourceId: 'asc' } })).map((p) => p.sourceId)).toEqual([
      '2611.90001',
      '2611.90003',
    ]);
    expect(await app.queues[QUEUE.match].count()).toBe(1);
  });

  it('when one record has an out-of-range count, a NUL or a lone surrogate, then only that record is rejected (207) and the rest stored', async () => {
    const res = await post([
      paper(11),
      { ...paper(12), upvotes: 2 ** 31 },
      { ...paper(13), organization: 'Lab\u0000' },
      { ...paper(14), title: 'Bad \ud800' },
      paper(15),
    ]);
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.rejected.map((r: { index: number; reason: string }) => [r.index, r.reason.split(':')[0]])).toEqual([
      [1, 'upvotes'],
      [2, 'organization'],
      [3, 'title'],
    ]);
    const stored = await app.database.db.paper.findMany({
      where: { sourceId: { in: ['2611.90011', '2611.90012', '2611.90013', '2611.90014', '2611.90015'] } },
      orderBy: { sourceId: 'asc' },
    });
    expect(stored.map((p) => p.sourceId)).toEqual(['2611.90011', '2611.90015']);
  });

  it('when one paper is posted again with new upvotes, then it is updated in place (200)', async () => {
    const first = await post(paper(7, 1));
    const second = await post(paper(7, 12));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await second.json()).accepted).toEqual([
      { index: 0, sourceId: '2611.90007', status: 'updated', id: expect.any(Number) },
    ]);
    expect(await app.database.db.paper.findMany({ where: { sourceId: '2611.90007' } })).toEqual([
      expect.objectContaining({ upvotes: 12 }),
    ]);
  });

  it('when nothing in the body is a valid paper, then it answers 422 with the reasons', async () => {
    const res = await post([{ title: 'no id' }]);
    expect(res.status).toBe(422);
    expect((await res.json()).rejected).toHaveLength(1);
  });

  it('when the body is not JSON, is empty, or has too many papers, then the request is refused as a whole', async () => {
    expect((await post('{"papers": [')).status).toBe(400);
    expect((await post([])).status).toBe(400);
    expect(
      (await post('title=x', { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(400);
    const many = await post(Array.from({ length: 21 }, (_, i) => ({ id: `2611.${80000 + i}` })));
    expect(many.status).toBe(413);
  });
});

describe('POST /api/papers without configured credentials', () => {
  it('when ADMIN_USER is unset outside development, then the API is disabled', async () => {
    const closed = await startTestApp();
    try {
      const res = await fetch(`${closed.baseUrl}/api/papers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      });
      expect(res.status).toBe(503);
    } finally {
      await closed.close();
    }
  });
});
