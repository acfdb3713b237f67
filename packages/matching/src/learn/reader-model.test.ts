import { buildTopicIndex } from '../match/topic-index';
import { matchPapers } from '../match/match-papers';
import { createDigestRanker } from '../rank/rank-for-reader';
import { makePaper, NOW } from '../testing/paper.factory';
import type { MatchablePaper } from '../types';
import { Idf, termCounts, weigh } from './paper-features';
import { LIKED_SECTION_KEY, ModelScorer, orderByScore, PoolIndex, type Personalization } from './personalize';
import { marginOf, packModel, trainReaderModel, unpackModel } from './reader-model';
import { trainingSet } from './training-set';

const ROBOT = (i: number) =>
  makePaper({
    title: `Reward models for robot grasping ${i}`,
    abstract: 'We train reward models for robot grasping with tactile sensors and a dexterous hand.',
  });
const CHAT = (i: number) =>
  makePaper({
    title: `Reward models for chatbot dialogue ${i}`,
    abstract: 'We train reward models for chatbot dialogue from human preference comparisons of answers.',
  });

function featuresOf(papers: MatchablePaper[]) {
  const idf = new Idf();
  const counts = new Map(papers.map((p) => [p.id, termCounts({ title: p.title, abstract: p.abstract })]));
  for (const c of counts.values()) idf.add(c);
  return (id: number) => weigh(counts.get(id)!, idf);
}

describe('reader model', () => {
  const robots = Array.from({ length: 8 }, (_, i) => ROBOT(i));
  const chats = Array.from({ length: 8 }, (_, i) => CHAT(i));
  const features = featuresOf([...robots, ...chats]);
  const votes = [
    ...robots.slice(0, 3).map((p) => ({ paperId: p.id, value: 1 as const, features: features(p.id) })),
    ...chats.slice(0, 3).map((p) => ({ paperId: p.id, value: -1 as const, features: features(p.id) })),
  ];

  it('when a reader liked robot papers and disliked chat papers, then unseen robot papers score above unseen chat papers', () => {
    const model = trainReaderModel(trainingSet(votes, []));
    for (const r of robots.slice(3))
      for (const c of chats.slice(3))
        expect(marginOf(model, features(r.id))).toBeGreaterThan(marginOf(model, features(c.id)));
  });

  it('when the model is trained twice on the same votes, then it is the same model (deterministic)', () => {
    expect(packModel(trainReaderModel(trainingSet(votes, [])))).toBe(
      packModel(trainReaderModel(trainingSet(votes, []))),
    );
  });

  it('when pruned to N weights, then at most N are kept and it still ranks the same way', () => {
    const model = trainReaderModel(trainingSet(votes, []), { maxWeights: 8 });
    expect(model.idx.length).toBeLessThanOrEqual(8);
    expect(marginOf(model, features(robots[5]!.id))).toBeGreaterThan(marginOf(model, features(chats[5]!.id)));
  });

  it('when packed and unpacked, then it is the same model to the bit; a damaged string is refused', () => {
    const model = trainReaderModel(trainingSet(votes, []));
    const packed = packModel(model);
    const back = unpackModel(packed)!;
    expect(back.bias).toBe(model.bias);
    expect(Array.from(back.idx)).toEqual(Array.from(model.idx));
    expect(Array.from(back.w)).toEqual(Array.from(model.w));
    expect(marginOf(back, features(robots[4]!.id))).toBe(marginOf(model, features(robots[4]!.id)));
    expect(packed.length).toBeLessThan(8 * 512 * 1.4 + 40);
    expect(unpackModel('v2:0:AAAA')).toBeUndefined();
    expect(unpackModel('v1:abc:AAAA')).toBeUndefined();
    expect(unpackModel('v1:0:AAAAAAAAAAA=')).toBeDefined(); // one weight: index 0, 0.0
    expect(unpackModel('v1:0:AAAAAAAA')).toBeUndefined(); // six bytes: not whole weights
    expect(unpackModel('v1:0:AAAAAAAAAA!=')).toBeUndefined(); // not base64
    expect(unpackModel('v1:0:')).toEqual({ idx: new Int32Array(0), w: new Float32Array(0), bias: 0 });
  });

  it('when many models are unpacked one after another (sharing buffers), then each keeps exactly its own weights', () => {
    // 60 models of up to 512 weights fill several 64 kB slabs; refused strings in between take no room.
    const models = Array.from({ length: 60 }, (_, k) => {
      const n = 1 + ((k * 97) % 512);
      const idx = Int32Array.from({ length: n }, (_, i) => i * 7 + k);
      const w = Float32Array.from({ length: n }, (_, i) => Math.fround((i + 1) * (k % 2 ? -0.01 : 0.02)));
      return { idx, w, bias: k / 8 };
    });
    const packed = models.map(packModel);
    const back = packed.map((text, k) => {
      if (k % 10 === 0) expect(unpackModel('v1:0:AAAAAAAAAA!=')).toBeUndefined();
      return unpackModel(text)!;
    });
    // Read back after all were unpacked: a model written over by a later one would differ.
    expect(back.map(packModel)).toEqual(packed);
  });

  it('when most votes are "less like this", then the liked side is weighed up and background papers never repeat a vote', () => {
    const set = trainingSet(
      [votes[0]!, ...votes.slice(3)],
      robots.map((p) => ({ paperId: p.id, features: features(p.id) })),
    );
    expect(set[0]!.weight).toBe(3);
    expect(set.filter((e) => e.weight === 0.2)).toHaveLength(robots.length - 1);
  });
});

describe('personalised composition', () => {
  const topics = ['reward models', 'diffusion models'];
  const index = buildTopicIndex(topics);
  const keys = index.topics.map((t) => t.key);
  const robots = Array.from({ length: 6 }, (_, i) => ({ ...ROBOT(i), upvotes: 1 }));
  const chats = Array.from({ length: 6 }, (_, i) => ({ ...CHAT(i), upvotes: 50 }));
  const diffusion = Array.from({ length: 6 }, (_, i) =>
    makePaper({ title: `Diffusion models for images ${i}`, abstract: 'Diffusion models denoise images.' }),
  );
  const beyond = makePaper({
    title: 'Tactile sensors for dexterous robot grasping',
    abstract: 'Robot grasping with tactile sensors and a dexterous hand.',
  });
  const all = [...robots, ...chats, ...diffusion, beyond];
  const matches = matchPapers(index, all);
  const features = featuresOf(all);
  const readerTopics = keys.map((key, i) => ({ key, label: topics[i]! }));

  function personalization(): Personalization {
    const votes = [
      { paperId: robots[0]!.id, value: 1 as const, features: features(robots[0]!.id) },
      { paperId: chats[0]!.id, value: -1 as const, features: features(chats[0]!.id) },
    ];
    return {
      model: trainReaderModel(trainingSet(votes, [])),
      features,
      liked: [{ paperId: robots[0]!.id, title: robots[0]!.title, features: features(robots[0]!.id) }],
      pool: [beyond, ...chats].map((p) => ({ paperId: p.id, paper: p, score: 1 })),
      maxExtras: 1,
    };
  }

  it('when a reader has no model, then the digest is exactly the unpersonalised one', () => {
    const ranker = createDigestRanker(matches, { cap: 6, now: NOW });
    expect(ranker.compose(readerTopics, [], undefined)).toEqual(ranker.compose(readerTopics));
  });

  it('when a reader liked a robot paper, then robot papers lead its topic, sections stay balanced and a paper beyond their topics comes with its reason', () => {
    const ranker = createDigestRanker(matches, { cap: 6, now: NOW });
    const before = ranker.compose(readerTopics, [robots[0]!.id, chats[0]!.id]);
    const after = ranker.compose(readerTopics, [robots[0]!.id, chats[0]!.id], personalization());
    const rewardBefore = before.sections.find((s) => s.label === 'reward models')!.papers.map((p) => p.paperId);
    const rewardAfter = after.sections.find((s) => s.label === 'reward models')!.papers.map((p) => p.paperId);
    expect(rewardBefore.every((id) => chats.some((c) => c.id === id))).toBe(true); // upvotes win today
    expect(rewardAfter.every((id) => robots.some((r) => r.id === id))).toBe(true);
    expect(after.sections.map((s) => s.label)).toEqual(['reward models', 'diffusion models', 'Because you liked']);
    const extra = after.sections.find((s) => s.topicKey === LIKED_SECTION_KEY)!.papers;
    expect(extra.map((p) => [p.paperId, p.because?.title])).toEqual([[beyond.id, robots[0]!.title]]);
    expect(after.papers).toHaveLength(6);
  });

  it('when voters are composed one after another (their topic heads reuse the same arrays and objects), then an earlier digest is not changed by a later one', () => {
    const ranker = createDigestRanker(matches, { cap: 6, now: NOW });
    const likesRobots = personalization();
    const first = ranker.compose(readerTopics, [], likesRobots);
    const copy = structuredClone(first);
    // A second voter with the opposite taste, fewer topics and papers excluded, then the first again.
    const likesChats: Personalization = {
      ...likesRobots,
      model: trainReaderModel(
        trainingSet(
          [
            { paperId: chats[1]!.id, value: 1, features: features(chats[1]!.id) },
            { paperId: robots[1]!.id, value: -1, features: features(robots[1]!.id) },
          ],
          [],
        ),
      ),
    };
    const second = ranker.compose([readerTopics[0]!], [chats[2]!.id], likesChats);
    expect(second.papers.map((p) => p.paperId)).not.toEqual(first.papers.map((p) => p.paperId));
    expect(first).toEqual(copy);
    expect(ranker.compose(readerTopics, [], likesRobots)).toEqual(copy);
  });

  it('when the pool is indexed (shared by a batch), then every margin and the whole digest are the same to the bit as scored paper by paper', () => {
    const ranker = createDigestRanker(matches, { cap: 6, now: NOW });
    const p = personalization();
    // The whole corpus as the pool, and a pool paper without features (skipped either way).
    const pool = [...all, makePaper({ title: 'No features' })].map((x) => ({ paperId: x.id, paper: x, score: 1 }));
    const known = new Set(all.map((x) => x.id));
    const featuresOrNone = (id: number) => (known.has(id) ? features(id) : undefined);
    const plain = { ...p, pool, features: featuresOrNone, maxExtras: 2 };
    const indexed = { ...plain, poolIndex: new PoolIndex(pool, featuresOrNone) };
    const scorer = new ModelScorer(p.model);
    const margins = indexed.poolIndex.margins(p.model)!;
    pool.forEach((x, i) => {
      if (known.has(x.paperId)) expect(Object.is(margins[i], scorer.margin(features(x.paperId)))).toBe(true);
    });
    for (const delivered of [[], [robots[0]!.id, chats[0]!.id], robots.map((r) => r.id)])
      expect(ranker.compose(readerTopics, delivered, indexed)).toEqual(ranker.compose(readerTopics, delivered, plain));
    // Every paper a candidate of some topic is in the pool, so both ways score the same papers.
    const withExtras = ranker.compose(readerTopics, [], indexed);
    expect(withExtras.sections.some((s) => s.topicKey === LIKED_SECTION_KEY)).toBe(true);
  });
});

describe('orderByScore', () => {
  it("when candidates are sorted, then the order is the comparator sort's exactly (ties by paper id, equal ones kept in place)", () => {
    let seed = 3;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const n of [0, 1, 2, 3, 7, 16, 33, 100, 257]) {
      // Few distinct scores (many ties) and a repeated paper id now and then.
      const head = Array.from({ length: n }, (_, i) => ({
        paperId: rand() < 0.1 ? 1 : Math.floor(rand() * 1000),
        score: Math.floor(rand() * 8) / 4,
        reason: { topic: 't', matched: [], field: 'title' as const, text: 't' },
        paper: { id: i, upvotes: 0, publishedAt: NOW },
        tag: i,
      }));
      const expected = [...head].sort((a, b) => b.score - a.score || a.paperId - b.paperId).map((c) => c.tag);
      const order = orderByScore(
        head.map((c) => c.score),
        head.map((c) => c.paperId),
      );
      expect(order.map((i) => head[i]!.tag)).toEqual(expected);
    }
  });
});

describe('topic weights', () => {
  it('when a topic is read "fewer" (weight 0.5), then it gets about half the places it had', () => {
    const topics = ['reward models', 'diffusion models'];
    const index = buildTopicIndex(topics);
    const papers = [
      ...Array.from({ length: 10 }, (_, i) => makePaper({ title: `Reward models ${i}`, abstract: 'Reward models.' })),
      ...Array.from({ length: 10 }, (_, i) =>
        makePaper({ title: `Diffusion models ${i}`, abstract: 'Diffusion models.' }),
      ),
    ];
    const ranker = createDigestRanker(matchPapers(index, papers), { cap: 9, now: NOW });
    const keys = index.topics.map((t) => t.key);
    const count = (weight: number) =>
      ranker
        .compose([
          { key: keys[0]!, label: 'reward models', weight },
          { key: keys[1]!, label: 'diffusion models' },
        ])
        .sections.map((s) => [s.label, s.papers.length]);
    expect(count(1)).toEqual([
      ['reward models', 4],
      ['diffusion models', 5],
    ]);
    expect(count(0.5)).toEqual([
      ['reward models', 3],
      ['diffusion models', 6],
    ]);
  });
});
