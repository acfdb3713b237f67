// When the build refits a reader's model (loadPersonalizations): only when the votes it was fitted
// on (their count, their latest change) are not the reader's votes now.
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { loadPersonalizations } from '../src/feedback';
import { daysAgo, makePaper, makeReader, NOW } from './matching.factory';

let database: TestDatabase;
let reader: number;
const papers: number[] = [];

const options = { now: NOW, since: daysAgo(14), maxExtras: 3, candidatesOf: () => [] };
const build = async () => (await loadPersonalizations(database.db, [reader], options)).stats;

beforeAll(async () => {
  database = await createTestDatabase();
  reader = await makeReader(database.db, ['reward models']);
  for (const title of ['Reward models for dialogue', 'Diffusion for video', 'Calibrated reward models'])
    papers.push(await makePaper(database.db, { title }));
  await database.db.vote.createMany({
    data: papers.slice(0, 2).map((paperId, i) => ({ subscriberId: reader, paperId, value: i === 0 ? 1 : -1 })),
  });
  // A latest change with microseconds (as SQL's now() writes it): the model keeps milliseconds.
  await database.db
    .$executeRaw`UPDATE "Vote" SET "updatedAt" = '2026-11-27 07:00:00.123456' WHERE "subscriberId" = ${reader}`;
});
afterAll(() => database.drop());

describe('loadPersonalizations', () => {
  it('when a reader votes, then the model is fitted once and loaded, not refitted, while the votes stay the same', async () => {
    expect(await build()).toEqual({ voters: 1, trained: 1 });
    expect(await build()).toEqual({ voters: 1, trained: 0 });
    const stored = await database.db.readerModel.findUniqueOrThrow({ where: { subscriberId: reader } });
    expect(stored.votes).toBe(2);
    expect(stored.votesAt.toISOString()).toBe('2026-11-27T07:00:00.123Z');
  });

  it('when a vote changes, one is added or the model is gone, then the next build refits it once', async () => {
    const db = database.db;
    await db.vote.update({
      where: { subscriberId_paperId: { subscriberId: reader, paperId: papers[1] as number } },
      data: { value: 1, updatedAt: new Date('2026-11-27T07:30:00Z') },
    });
    expect(await build()).toEqual({ voters: 1, trained: 1 });
    expect(await build()).toEqual({ voters: 1, trained: 0 });
    await db.vote.create({ data: { subscriberId: reader, paperId: papers[2] as number, value: 1 } });
    expect(await build()).toEqual({ voters: 1, trained: 1 });
    expect(await build()).toEqual({ voters: 1, trained: 0 });
    await db.readerModel.delete({ where: { subscriberId: reader } });
    expect(await build()).toEqual({ voters: 1, trained: 1 });
    // Loaded with the current model (no votes read): the liked papers stored with it, newest first.
    const liked = (await loadPersonalizations(db, [reader], options)).byReader.get(reader)?.liked;
    expect(liked?.map((l) => l.title)).toEqual([
      'Calibrated reward models',
      'Diffusion for video',
      'Reward models for dialogue',
    ]);
    const stored = await db.readerModel.findUniqueOrThrow({ where: { subscriberId: reader } });
    expect(stored.liked).toEqual([papers[2], papers[1], papers[0]]);
  });

  it('when a model was fitted in a build, then the next build loads the very same model (its digest does not change)', async () => {
    await database.db.readerModel.deleteMany({ where: { subscriberId: reader } });
    const fitted = await loadPersonalizations(database.db, [reader], options);
    const loaded = await loadPersonalizations(database.db, [reader], options);
    expect([fitted.stats.trained, loaded.stats.trained]).toEqual([1, 0]);
    const [a, b] = [fitted, loaded].map((x) => x.byReader.get(reader)?.model);
    expect(b?.bias).toBe(a?.bias);
    expect(Array.from(b?.w ?? [])).toEqual(Array.from(a?.w ?? []));
    expect(Array.from(b?.idx ?? [])).toEqual(Array.from(a?.idx ?? []));
  });

  it('when a reader has no votes, then they get no personalisation', async () => {
    const other = await makeReader(database.db, ['reward models']);
    const { byReader, stats } = await loadPersonalizations(database.db, [other], options);
    expect(byReader.size).toBe(0);
    expect(stats).toEqual({ voters: 0, trained: 0 });
  });
});
