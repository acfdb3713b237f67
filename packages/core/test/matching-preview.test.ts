import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { clearPreviewCache, previewForTopics, type MatchingDeps } from '../src/matching';
import { daysAgo, makePaper, NOW } from './matching.factory';

let database: TestDatabase;
let deps: MatchingDeps;
let clock = NOW;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, now: () => clock };
  await makePaper(database.db, { title: 'Denoising diffusion models for image synthesis' });
  await makePaper(database.db, { title: 'Diffusion tensor imaging of white matter', abstract: 'Tractography models.' });
  await makePaper(database.db, { title: 'Chat assistants', abstract: 'Reinforcement learning from human feedback, at scale.' });
  await makePaper(database.db, { title: 'Old diffusion models', publishedAt: daysAgo(30) });
});
afterAll(() => database.drop());
beforeEach(() => clearPreviewCache(database.db));

describe('previewForTopics', () => {
  it('when topics are typed, then recent matching papers come back with reasons, without near misses or old papers', async () => {
    const got = await previewForTopics(deps, 'Diffusion Models, RLHF', 5);
    expect(got.map((p) => p.title).sort()).toEqual(['Chat assistants', 'Denoising diffusion models for image synthesis']);
    const rlhf = got.find((p) => p.title === 'Chat assistants');
    expect(rlhf).toMatchObject({ topic: 'RLHF', reason: "Because you follow RLHF: 'Reinforcement learning from human feedback' in the abstract" });
  });

  it('when visitors type the same topic in different words, then each sees their own wording', async () => {
    const [first] = await previewForTopics(deps, 'Diffusion Models');
    const [second] = await previewForTopics(deps, ['diffusion model']);
    expect(first?.reason).toMatch(/^Because you follow Diffusion Models: /);
    expect(second?.reason).toMatch(/^Because you follow diffusion model: /);
    expect(second?.paperId).toBe(first?.paperId);
  });

  it('when the limit is smaller than the matches, then only the best `limit` are shown', async () => {
    expect(await previewForTopics(deps, ['diffusion models', 'RLHF'], 1)).toHaveLength(1);
  });

  it('when topics are empty, too many or unusable, or the limit is bad, then it fails as invalid input', async () => {
    await expect(previewForTopics(deps, ' , ', 5)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(previewForTopics(deps, Array.from({ length: 21 }, (_, i) => `topic ${i}`), 5)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(previewForTopics(deps, ['x'.repeat(500)], 5)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(previewForTopics(deps, 42, 5)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(previewForTopics(deps, 'RLHF', 0)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('when papers arrive, then they show once the cached recent papers are a minute old', async () => {
    expect(await previewForTopics(deps, 'speculative decoding')).toEqual([]);
    await makePaper(database.db, { title: 'Speculative decoding with draft heads' });
    expect(await previewForTopics(deps, 'speculative decoding')).toEqual([]);
    clock = new Date(NOW.getTime() + 61_000);
    expect((await previewForTopics(deps, 'speculative decoding')).map((p) => p.title)).toEqual(['Speculative decoding with draft heads']);
    clock = NOW;
  });
});
