// The per-batch statements on DeliveryPaper that drive from the batch's ids (receivedPapers for
// the build's trending picks, loadDelivered for its ranking, unfollowedTopicsOfDeliveries for the
// send's "add this topic"):
// the rows are those of the plain set-based statements they replaced, for readers with long
// histories, papers other readers received, and ids given twice.
import type { Db } from '@paperboy/db';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { normalizeTopic } from '@paperboy/matching';
import { receivedPapers } from '../src/digests/store';
import { loadDelivered } from '../src/matches/store';
import { unfollowedTopicsOfDeliveries } from '../src/feedback/feedback.store';
import { daysAgo, makeReader } from './matching.factory';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.drop());

let seq = 0;
/** `count` papers with consecutive ids, oldest first. */
async function papers(count: number): Promise<number[]> {
  const first = seq;
  seq += count;
  const rows = await db.paper.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      sourceId: `2612.${String(first + i).padStart(5, '0')}`,
      title: `Paper ${first + i}`,
      abstract: 'We report experiments and results.',
      publishedAt: daysAgo(count - i),
      sources: ['test'],
    })),
    select: { id: true },
  });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** One sent delivery per `perDigest` papers of `paperIds`, as a reader receives them day after day. */
async function deliver(subscriberId: number, paperIds: number[], perDigest = paperIds.length): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < paperIds.length; i += perDigest) {
    const d = await db.delivery.create({ data: { subscriberId, periodKey: `p${seq++}`, status: 'sent' } });
    await db.deliveryPaper.createMany({
      data: paperIds.slice(i, i + perDigest).map((paperId, rank) => ({
        deliveryId: d.id,
        paperId,
        subscriberId,
        rank,
        score: 1,
        reason: 'test',
      })),
    });
    ids.push(d.id);
  }
  return ids;
}

const sortRows = <T extends object>(rows: T[]) =>
  rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();

describe('receivedPapers', () => {
  it('when readers with long histories ask about the newest papers, then each gets exactly the asked papers they received, as the set-based statement found them', async () => {
    const history = await papers(600); // a long history: older ids than the candidates
    const recent = await papers(20);
    const later = await papers(3); // newer than every candidate
    const candidates = recent.filter((_, i) => i % 2 === 0); // every other: gaps inside the range
    const veteran = await makeReader(db, ['diffusion models']);
    const neighbour = await makeReader(db, ['diffusion models']);
    const newcomer = await makeReader(db, ['diffusion models']);
    const outsider = await makeReader(db, ['diffusion models']); // not in the batch
    await deliver(veteran, [...history, recent[0] as number, recent[1] as number, recent[4] as number, ...later], 100);
    await deliver(neighbour, [recent[1] as number, recent[2] as number, recent[19] as number, history[5] as number]);
    await deliver(outsider, candidates);

    const readers = [veteran, neighbour, newcomer, veteran];
    const rows = await receivedPapers(db, readers, candidates);
    expect(sortRows(rows)).toEqual(
      sortRows([
        { subscriberId: veteran, paperId: recent[0] as number },
        { subscriberId: veteran, paperId: recent[4] as number },
        { subscriberId: neighbour, paperId: recent[2] as number },
      ]),
    );
    const plain = await db.$queryRaw<{ subscriberId: number; paperId: number }[]>`
      SELECT "subscriberId", "paperId" FROM "DeliveryPaper"
      WHERE "subscriberId" = ANY(${readers}::int[]) AND "paperId" = ANY(${candidates}::int[])`;
    expect(sortRows(rows)).toEqual(sortRows(plain));
    // An old paper among the candidates widens the range to the whole history: still exact.
    const wide = [history[5] as number, ...candidates];
    expect(sortRows(await receivedPapers(db, readers, wide))).toEqual(
      sortRows([
        ...rows,
        { subscriberId: veteran, paperId: history[5] as number },
        { subscriberId: neighbour, paperId: history[5] as number },
      ]),
    );
    expect(await receivedPapers(db, [], candidates)).toEqual([]);
    expect(await receivedPapers(db, readers, [])).toEqual([]);
  });
});

describe('loadDelivered', () => {
  it('when readers with long histories are ranked, then each gets exactly the papers of the window they received, as the set-based statement found them', async () => {
    // Each call of papers() dates its papers up to yesterday: ids and publication dates do not
    // run together across the calls, so the window's papers are scattered among older ids.
    const history = await papers(400);
    const recent = await papers(30);
    const since = daysAgo(14);
    const veteran = await makeReader(db, ['diffusion models']);
    const neighbour = await makeReader(db, ['diffusion models']);
    const newcomer = await makeReader(db, ['diffusion models']);
    const outsider = await makeReader(db, ['diffusion models']); // not in the batch
    await deliver(veteran, [...history, ...recent.slice(0, 20)], 50);
    await deliver(neighbour, [history[0] as number, history[399] as number, recent[29] as number, recent[3] as number]);
    await deliver(outsider, recent);

    const readers = [veteran, neighbour, newcomer, veteran];
    const delivered = await loadDelivered(db, readers, since);
    const plain = await db.$queryRaw<{ id: number; paperId: number }[]>`
      SELECT dp."subscriberId" AS id, dp."paperId" FROM "DeliveryPaper" dp JOIN "Paper" p ON p.id = dp."paperId"
      WHERE dp."subscriberId" = ANY(${readers}::int[]) AND p."publishedAt" >= ${since}`;
    const expected = new Map<number, number[]>();
    for (const r of plain) expected.set(r.id, [...(expected.get(r.id) ?? []), r.paperId]);
    const sorted = (m: Map<number, number[]>) =>
      [...m.entries()]
        .map(([id, ids]) => [id, [...ids].sort((a, b) => a - b)])
        .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(sorted(delivered)).toEqual(sorted(expected));
    // The window holds papers of both calls: the last days of the history and most of the recent ones.
    expect(delivered.get(veteran)).toEqual(expect.arrayContaining([history[399], recent[19]]));
    expect(delivered.get(veteran)).not.toContain(history[0]);
    expect(delivered.get(neighbour)?.sort((a, b) => a - b)).toEqual([history[399], recent[29]]);
    expect(delivered.has(newcomer)).toBe(false);
    expect(await loadDelivered(db, [], since)).toEqual(new Map());
    expect(await loadDelivered(db, readers, daysAgo(-1))).toEqual(new Map());
  });
});

describe('unfollowedTopicsOfDeliveries', () => {
  it('when digests carried papers matched by topics their readers do not follow, then each digest gets those topics with their counts, as the set-based statement found them', async () => {
    const key = (t: string) => normalizeTopic(t).key;
    const [a, b, c, d] = await papers(4);
    const match = (paperId: number, topic: string) =>
      db.match.create({ data: { paperId, topicKey: key(topic), score: 1, reason: {} } });
    for (const p of [a, b, c] as number[]) await match(p, 'robot grasping');
    for (const p of [a, b] as number[]) await match(p, 'diffusion models');
    await match(d as number, 'reward models');
    const follower = await makeReader(db, ['diffusion models']);
    const other = await makeReader(db, ['robot grasping']);
    const [first, second] = await deliver(follower, [a, b, c, d] as number[], 2);
    const [theirs] = await deliver(other, [a, b, d] as number[]);
    const old = await deliver(follower, await papers(30), 10); // history without matches

    const ids = [first, second, theirs, ...old, first] as number[];
    const rows = await unfollowedTopicsOfDeliveries(db, ids, 1);
    expect(sortRows(rows)).toEqual(
      sortRows([
        { id: first as number, key: key('robot grasping'), papers: 2 },
        { id: second as number, key: key('robot grasping'), papers: 1 },
        { id: second as number, key: key('reward models'), papers: 1 },
        { id: theirs as number, key: key('diffusion models'), papers: 2 },
        { id: theirs as number, key: key('reward models'), papers: 1 },
      ]),
    );
    const plain = await db.$queryRaw<{ id: number; key: string; papers: number }[]>`
      SELECT dp."deliveryId" AS id, m."topicKey" AS key, count(*)::int AS papers
      FROM "DeliveryPaper" dp JOIN "Match" m ON m."paperId" = dp."paperId"
      WHERE dp."deliveryId" = ANY(${ids}::int[])
        AND m."topicKey" <> ALL (SELECT t.key FROM "Topic" t WHERE t."subscriberId" = dp."subscriberId")
      GROUP BY 1, 2 HAVING count(*) >= 1`;
    expect(sortRows(rows)).toEqual(sortRows(plain));
    expect(sortRows(await unfollowedTopicsOfDeliveries(db, ids, 2))).toEqual(
      sortRows([
        { id: first as number, key: key('robot grasping'), papers: 2 },
        { id: theirs as number, key: key('diffusion models'), papers: 2 },
      ]),
    );
  });
});
