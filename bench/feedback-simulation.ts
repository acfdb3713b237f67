// Simulated readers teaching paperboy (issue 13): does a reader's digest get better as they vote?
// Real arXiv papers (the corpus beside the repository, docs/architecture.md "Evaluation data"; listed day by day), matched by the production matcher
// against the 30 labelled topics (as if other readers followed them: the pool that "Because you
// liked" papers come from). Each simulated reader follows one or two topics but is really
// interested in one labelled topic (its hidden interest); a paper is relevant when it is labelled
// about that topic, or, for the many papers nobody labelled, when the production matcher matches
// it to that topic. Every day the reader gets a digest of 10 (the real composition, the real
// model code); with learning on it votes "more like this" on relevant cards and "less like
// this" on the others (each card with probability VOTE_RATE, seeded), and the next digest is
// composed with the model trained on its votes so far. Reported: precision@10 per week, learning
// off (today's digest) vs on, and learning on for a reader who never votes (must equal off).
//   npx tsx --conditions=source bench/feedback-simulation.ts [--weeks 4] [--start 2025-10-06] [--readers N]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  buildTopicIndex,
  createDigestRanker,
  Idf,
  matchPapers,
  normalizeTopic,
  termCounts,
  trainingSet,
  trainReaderModel,
  weigh,
  type LikedPaper,
  type MatchablePaper,
  type Personalization,
  type SparseVector,
  type TermCounts,
  type TopicMatch,
} from '@paperboy/matching';
import { findArxivData, missingDataMessage } from '../packages/matching/src/eval/real/arxiv-data';
import { loadLabels } from '../packages/matching/src/eval/real/labels';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] as string) : fallback;
};
const WEEKS = Number(arg('weeks', '4'));
const ONLY = Number(arg('readers', '0')) || undefined;
/** A week of digests before the measured weeks, with no votes: a reader who subscribed a week
 * ago has worked through the backlog, so every measured week draws on the same daily supply. */
const WARM_UP_DAYS = 7;
const START = arg('start', '2025-10-06');
const CAP = 10;
const WINDOW_DAYS = 7;
const VOTE_RATE = 0.6;

/** Who follows what, and what they really want. */
const READERS: { follows: string[]; hidden: string }[] = [
  { follows: ['diffusion models'], hidden: 'text-to-video' },
  { follows: ['LLM agents'], hidden: 'code generation' },
  { follows: ['multimodal LLMs'], hidden: 'hallucination' },
  { follows: ['AI for healthcare'], hidden: 'medical imaging' },
  { follows: ['AI for science'], hidden: 'protein design' },
  { follows: ['RLHF', 'reward models'], hidden: 'reward models' },
  { follows: ['robot manipulation', 'autonomous driving'], hidden: 'robot manipulation' },
  { follows: ['RAG', 'LLM agents'], hidden: 'RAG' },
  { follows: ['vision transformers', 'knowledge distillation'], hidden: 'knowledge distillation' },
  { follows: ['federated learning', 'AI safety'], hidden: 'AI safety' },
  { follows: ['diffusion models', 'medical imaging'], hidden: 'medical imaging' },
  { follows: ['multimodal LLMs', 'chain-of-thought'], hidden: 'chain-of-thought' },
];

interface Row {
  id: string;
  title: string;
  abstract: string;
  listedOn: string;
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

function push(weeks: number[][], week: number, value: number): void {
  const list = weeks[week];
  if (list) list.push(value);
  else weeks[week] = [value];
}

function main(): void {
  const file = findArxivData();
  if (!file) {
    console.log(missingDataMessage());
    return;
  }
  const labels = new Map<string, string[]>();
  for (const split of ['heldout', 'tuning'] as const)
    for (const p of loadLabels(split).papers) labels.set(p.id, p.about);
  const topicNames = loadLabels('heldout').topics;
  const keyOf = new Map(topicNames.map((t) => [t, normalizeTopic(t).key]));

  const start = new Date(`${START}T00:00:00Z`).getTime();
  const end = start + WEEKS * 7 * DAY;
  const rows: Row[] = [];
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (line === '') continue;
    const r = JSON.parse(line) as Row;
    const t = Date.parse(`${r.listedOn}T00:00:00Z`);
    if (t >= start - (WINDOW_DAYS + WARM_UP_DAYS) * DAY && t < end) rows.push(r);
  }
  const papers: MatchablePaper[] = rows.map((r, i) => ({
    id: i + 1,
    title: r.title,
    abstract: r.abstract,
    upvotes: 0,
    upvoteGrowth: 0,
    publishedAt: new Date(`${r.listedOn}T06:00:00Z`),
  }));
  const index = buildTopicIndex(topicNames);
  const started = performance.now();
  const matches = matchPapers(index, papers);
  const matchMs = performance.now() - started;
  const topicsOf = new Map<number, string[]>();
  for (const [key, list] of matches)
    for (const m of list) topicsOf.set(m.paperId, [...(topicsOf.get(m.paperId) ?? []), key]);
  const counts = new Map<number, TermCounts>();
  for (const p of papers)
    counts.set(p.id, termCounts({ title: p.title, abstract: p.abstract, topicKeys: topicsOf.get(p.id) ?? [] }));

  const relevant = (paperId: number, hidden: string): boolean => {
    const about = labels.get((rows[paperId - 1] as Row).id);
    if (about) return about.includes(hidden);
    return (topicsOf.get(paperId) ?? []).includes(keyOf.get(hidden) as string);
  };

  const modes = ['off', 'on', 'silent'] as const;
  type Mode = (typeof modes)[number];
  const precision: Record<Mode, number[][]> = { off: [], on: [], silent: [] };
  /** The best a digest of 10 could do that day: relevant papers available (followed topics'
   * matches and the pool, not yet received by this reader), per mode: a reader who learns
   * uses up the relevant supply faster. */
  const ceiling: Record<Mode, number[][]> = { off: [], on: [], silent: [] };
  let trainings = 0;
  let trainMs = 0;
  let votesCast = 0;
  let extrasShown = 0;
  let extrasRelevant = 0;

  for (const [r, reader] of READERS.slice(0, ONLY).entries()) {
    const topics = reader.follows.map((t) => ({ key: keyOf.get(t) as string, label: t }));
    for (const mode of modes) {
      const random = seeded(1000 + r);
      const delivered: number[] = [];
      const votes: { paperId: number; value: 1 | -1 }[] = [];
      for (let day = -WARM_UP_DAYS; day < WEEKS * 7; day += 1) {
        const measured = day >= 0;
        const now = start + day * DAY + 8 * 3600_000;
        const since = now - WINDOW_DAYS * DAY;
        const inWindow = papers.filter((p) => p.publishedAt.getTime() >= since && p.publishedAt.getTime() < now);
        if (inWindow.length === 0) continue;
        const ids = new Set(inWindow.map((p) => p.id));
        const lists = new Map<string, TopicMatch[]>();
        for (const [key, list] of matches)
          lists.set(
            key,
            list.filter((m) => ids.has(m.paperId)),
          );
        const ranker = createDigestRanker(lists, { cap: CAP, now: new Date(now) });
        let personalization: Personalization | undefined;
        if (mode === 'on' && votes.length > 0) {
          const idf = new Idf();
          for (const p of inWindow) idf.add(counts.get(p.id) as TermCounts);
          const featureCache = new Map<number, SparseVector>();
          const features = (id: number) => {
            const known = featureCache.get(id);
            if (known) return known;
            const f = weigh(counts.get(id) as TermCounts, idf);
            featureCache.set(id, f);
            return f;
          };
          const pool = inWindow.filter((p) => topicsOf.has(p.id));
          const t0 = performance.now();
          const model = trainReaderModel(
            trainingSet(
              votes.map((v) => ({ ...v, features: features(v.paperId) })),
              pool.map((p) => ({ paperId: p.id, features: features(p.id) })),
            ),
          );
          trainMs += performance.now() - t0;
          trainings += 1;
          const liked: LikedPaper[] = votes
            .filter((v) => v.value === 1)
            .reverse()
            .slice(0, 20)
            .map((v) => ({
              paperId: v.paperId,
              title: (papers[v.paperId - 1] as MatchablePaper).title,
              features: features(v.paperId),
            }));
          personalization = {
            model,
            features,
            liked,
            pool: pool.map((p) => ({ paperId: p.id, paper: p, score: 1 })),
          };
        }
        const digest = ranker.compose(topics, delivered, personalization);
        if (measured) {
          const got = new Set(delivered);
          const available = inWindow.filter(
            (p) => topicsOf.has(p.id) && !got.has(p.id) && relevant(p.id, reader.hidden),
          );
          push(ceiling[mode], Math.floor(day / 7), Math.min(CAP, available.length) / CAP);
        }
        const shown = digest.papers.map((p) => p.paperId);
        if (shown.length === 0) continue;
        delivered.push(...shown);
        if (!measured) continue;
        const week = Math.floor(day / 7);
        const hits = shown.filter((id) => relevant(id, reader.hidden)).length;
        push(precision[mode], week, hits / CAP);
        if (mode === 'on')
          for (const p of digest.papers)
            if (p.because) {
              extrasShown += 1;
              if (relevant(p.paperId, reader.hidden)) extrasRelevant += 1;
            }
        if (mode === 'on')
          for (const id of shown)
            if (random() < VOTE_RATE) {
              votes.push({ paperId: id, value: relevant(id, reader.hidden) ? 1 : -1 });
              votesCast += 1;
            }
      }
    }
  }

  const mean = (xs: number[] | undefined) => (xs && xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  console.log(
    `${READERS.slice(0, ONLY).length} readers, ${papers.length} papers (${START} + ${WEEKS} weeks after a ${WARM_UP_DAYS}-day warm-up without votes, ${WINDOW_DAYS}-day window), matched in ${(matchMs / 1000).toFixed(1)} s; daily digests of ${CAP}, vote rate ${VOTE_RATE}`,
  );
  console.log(
    '| week | precision@10, learning off | learning on (votes) | learning on, never votes | share of the reachable, off | share of the reachable, on |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  const share = (mode: Mode, w: number) => mean(precision[mode][w]) / mean(ceiling[mode][w]);
  for (let w = 0; w < WEEKS; w += 1)
    console.log(
      `| ${w + 1} | ${mean(precision.off[w]).toFixed(3)} | **${mean(precision.on[w]).toFixed(3)}** | ${mean(precision.silent[w]).toFixed(3)} | ${share('off', w).toFixed(2)} | ${share('on', w).toFixed(2)} |`,
    );
  console.log(
    `votes cast: ${votesCast}; models fitted: ${trainings} (${(trainMs / trainings).toFixed(0)} ms each here, weighing the day's ~1,000-paper pool included; the build's cost is bench/feedback-build.bench.ts); "Because you liked" papers shown: ${extrasShown}, relevant: ${extrasRelevant}`,
  );
}

main();
