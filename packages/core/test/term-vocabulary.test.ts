// The per-process vocabulary behind "did you mean" (issue 13), against real Postgres: built from
// the newest stored papers (withdrawn ones left out, at most maxPapers), rebuilt after its time
// to live while the previous one keeps answering.
import type { TermVocabulary } from '@paperboy/matching';
import { createTermVocabulary, FIELD_VOCABULARY, vocabularyWithin } from '../src/subscribers/term-vocabulary';
import { useReaderTestEnv } from './reader-test-env';

const env = useReaderTestEnv();
let seq = 0;

async function paper(title: string, options: { daysAgo?: number; withdrawn?: boolean } = {}) {
  seq += 1;
  await env.database.db.paper.create({
    data: {
      sourceId: `2612.${String(seq).padStart(5, '0')}`,
      title,
      abstract: 'We report experiments.',
      publishedAt: new Date(Date.now() - (options.daysAgo ?? 0) * 86_400_000),
      withdrawnAt: options.withdrawn ? new Date() : null,
      upvotes: 1,
    },
  });
}

describe('createTermVocabulary', () => {
  it('when built, then it counts the newest papers only, and never a withdrawn one', async () => {
    await paper('Pangolin scales', { daysAgo: 30 });
    await paper('Axolotl regeneration', { daysAgo: 1 });
    await paper('Quokka populations', { daysAgo: 2 });
    await paper('Withdrawn zeolite paper', { withdrawn: true });
    const vocabulary = await createTermVocabulary(env.database.db, { maxPapers: 2 })();
    expect(vocabulary.papers).toBe(2);
    expect(vocabulary.words.get('axolotl')).toBe(1);
    expect(vocabulary.words.get('quokka')).toBe(1);
    expect(vocabulary.words.has('pangolin')).toBe(false);
    expect(vocabulary.words.has('zeolite')).toBe(false);
  });

  it('when its time to live has passed, then the old vocabulary answers while the new one is built, then the new one', async () => {
    let now = 0;
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const vocabulary = createTermVocabulary(env.database.db, { ttlMs: 1_000 });
      const first = await vocabulary();
      expect(first.words.has('metamaterials')).toBe(false);
      spy.mockRestore();
      await paper('Metamaterials for lenses');
      jest.spyOn(Date, 'now').mockImplementation(() => now);
      expect(await vocabulary()).toBe(first); // fresh: no rebuild
      now = 5_000;
      expect(await vocabulary()).toBe(first); // stale: answered at once, rebuild started
      let next = first;
      for (let i = 0; i < 100 && next === first; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        next = await vocabulary();
      }
      expect(next.words.get('metamaterials')).toBe(1);
    } finally {
      jest.restoreAllMocks();
    }
  });
});

describe('vocabularyWithin', () => {
  it('when the build takes longer than the wait, then the field vocabulary answers; once built, the built one', async () => {
    let finish: (v: TermVocabulary) => void = () => undefined;
    const slow = new Promise<TermVocabulary>((resolve) => {
      finish = resolve;
    });
    const built = await createTermVocabulary(env.database.db)();
    const within = vocabularyWithin(() => slow, 20);
    expect(await within()).toBe(FIELD_VOCABULARY);
    expect(FIELD_VOCABULARY.words.get('reinforcement')).toBeGreaterThan(0);
    finish(built);
    expect(await within()).toBe(built);
  });

  it('when the build fails, then the last vocabulary ready answers and the preview goes on', async () => {
    const within = vocabularyWithin(() => Promise.reject(new Error('database down')), 20);
    expect(await within()).toBe(FIELD_VOCABULARY);
  });
});
