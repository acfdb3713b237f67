// Papers and readers for the matching benchmark (see matching-data.ts for the topics).
import type { MatchablePaper } from '@paperboy/matching';
import { zipf, type Topics } from './matching-data';

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

// Field vocabulary, including the words topics are made of, so that loose words are everywhere
// and only phrases should match ("diffusion", "models", "reward", "systems", "agents"...).
const WORDS = (
  'we propose novel framework method approach results show state-of-the-art performance benchmark ' +
  'models model data training evaluation experiments learning network networks generation graph ' +
  'language vision reward policy agents systems diffusion tensor imaging recommendations action ' +
  'attention transformer layers tokens inference latency memory accuracy robustness dataset tasks ' +
  'baseline baselines improves outperforms significantly demonstrate analysis theoretical empirical ' +
  'optimization gradient loss objective supervised signal feedback human preference alignment ' +
  'retrieval augmented search documents queries context window long short sequence prediction ' +
  'image video audio speech text code reasoning mathematical proofs planning tools environment ' +
  'simulation real-world deployment efficient scalable robust sparse dense mixture experts routing ' +
  'experts fine-tuning pretraining pre-trained instruction tuning zero-shot few-shot generalization ' +
  'uncertainty calibration privacy federated clients server distillation teacher student compression ' +
  'quantization pruning hardware GPU throughput energy cost open-source release code weights'
).split(' ');

const GENERAL = ['LLMs', 'large language models', 'reinforcement learning', 'transformers', 'diffusion'];

function sentence(random: () => number, insert?: string): string {
  const n = 8 + Math.floor(random() * 12);
  const words = Array.from({ length: n }, () => pick(WORDS, random));
  if (insert !== undefined) words.splice(Math.floor(random() * n), 0, insert);
  return `${words.join(' ')}.`;
}

export function makePapers(count: number, topics: Topics, random: () => number, now: Date): MatchablePaper[] {
  const topicOf = zipf(topics.raws.length, 0.9, random);
  return Array.from({ length: count }, (_, i) => {
    const chosen = Array.from({ length: 1 + Math.floor(random() * 3) }, () => topicOf());
    const mentions = chosen.flatMap((t) => {
      const forms = topics.surfaces[t] as string[];
      return Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(forms, random));
    });
    if (random() < 0.35) mentions.push(pick(GENERAL, random));
    const title = `${pick(topics.surfaces[chosen[0] as number] as string[], random)}: ${sentence(random).slice(0, -1)}`;
    const sentences = Array.from({ length: 10 }, () => sentence(random));
    for (const m of mentions) {
      const at = Math.floor(random() * sentences.length);
      sentences[at] = sentence(random, m);
    }
    const upvotes = Math.floor(Math.exp(random() * 5)) - 1;
    return {
      id: i + 1,
      title,
      abstract: sentences.join(' '),
      upvotes,
      upvoteGrowth: random() < 0.3 ? Math.floor(random() * upvotes) : 0,
      publishedAt: new Date(now.getTime() - Math.floor(random() * 7 * 86_400_000)),
    };
  });
}

/** Readers as a compact CSR table: reader r follows topics[offsets[r] .. offsets[r+1]). */
export interface Readers {
  count: number;
  offsets: Uint32Array;
  topics: Uint16Array;
}

export function makeReaders(count: number, topicCount: number, random: () => number): Readers {
  const topicOf = zipf(topicCount, 1.0, random);
  const offsets = new Uint32Array(count + 1);
  const topics = new Uint16Array(count * 8);
  let n = 0;
  for (let r = 0; r < count; r += 1) {
    const want = 1 + Math.floor(random() * 8);
    const start = n;
    while (n - start < want) {
      const t = topicOf();
      if (!topics.subarray(start, n).includes(t)) topics[n++] = t;
    }
    offsets[r + 1] = n;
  }
  return { count, offsets, topics: topics.slice(0, n) };
}
