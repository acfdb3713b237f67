// Synthetic but realistic inputs for bench/matching.bench.ts: ~2,000 distinct topics (general
// heads followed by many, long-tail specialisations), readers following 1–8 of them with Zipf
// popularity, and new papers whose titles and abstracts mention topics in the forms authors use
// (acronyms, expansions, hyphenation, plurals) amid field vocabulary. Seeded, so runs compare.
import { normalizeTopic } from '@paperboy/matching';

/** Samples ranks 0..n-1 with P(rank r) ∝ 1 / (r + 1)^s. */
export function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r += 1) cdf[r] = total += 1 / (r + 1) ** s;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// General topics, each with the surface forms papers use for it.
const HEADS: string[][] = [
  ['large language models', 'LLMs', 'large language model', 'LLM'],
  ['LLM agents', 'LLM-based agents'],
  ['diffusion models', 'diffusion model', 'diffusion-based models'],
  ['reward models', 'reward model', 'process reward models'],
  ['RLHF', 'reinforcement learning from human feedback'],
  ['retrieval-augmented generation', 'RAG', 'retrieval augmented generation'],
  ['mixture of experts', 'MoE', 'mixture-of-experts'],
  ['vision transformers', 'ViT', 'vision transformer'],
  ['graph neural networks', 'GNNs', 'graph neural network'],
  ['reinforcement learning', 'RL'],
  ['text-to-image generation'],
  ['video generation'],
  ['speech recognition', 'ASR'],
  ['code generation'],
  ['mathematical reasoning'],
  ['chain-of-thought', 'CoT', 'chain of thought'],
  ['in-context learning', 'ICL'],
  ['knowledge distillation', 'KD'],
  ['model compression'],
  ['quantization'],
  ['pruning'],
  ['federated learning'],
  ['continual learning'],
  ['contrastive learning'],
  ['self-supervised learning', 'self supervised learning'],
  ['neural radiance fields', 'NeRF'],
  ['Gaussian splatting', '3D Gaussian splatting'],
  ['robot manipulation'],
  ['autonomous driving'],
  ['medical imaging'],
  ['protein structure prediction'],
  ['time series forecasting'],
  ['recommender systems', 'recommender system'],
  ['tabular data'],
  ['optimizers'],
  ['scaling laws'],
  ['tokenization', 'tokenizers'],
  ['long context'],
  ['state space models', 'SSMs'],
  ['machine translation'],
  ['question answering'],
  ['hallucination'],
  ['alignment'],
  ['jailbreaks', 'jailbreak attacks'],
  ['watermarking'],
  ['benchmarks'],
  ['text embeddings'],
  ['vector search'],
  ['sparse autoencoders', 'SAEs'],
  ['interpretability'],
  ['world models'],
  ['vision-language models', 'VLMs', 'vision language models'],
  ['GRPO', 'group relative policy optimization'],
  ['DPO', 'direct preference optimization'],
  ['LoRA', 'low-rank adaptation'],
  ['multi-agent systems'],
  ['image segmentation'],
  ['object detection'],
  ['3D reconstruction'],
  ['speculative decoding'],
];

const MODIFIERS = [
  'efficient',
  'multimodal',
  'multilingual',
  'robust',
  'sparse',
  'scalable',
  'adaptive',
  'hierarchical',
  'causal',
  'probabilistic',
  'interpretable',
  'privacy-preserving',
  'low-resource',
  'on-device',
  'distributed',
  'medical',
  'financial',
  'legal',
  'scientific',
  'educational',
  'open-source',
  'long-horizon',
  'real-time',
  'zero-shot',
  'few-shot',
  'self-improving',
  'uncertainty-aware',
  'energy-efficient',
  'safe',
  'fair',
  'compositional',
  'continual',
  'decentralized',
  'personalized',
  'streaming',
  'temporal',
  'geometric',
  'Bayesian',
];

const QUERIES = [
  '"diffusion models" -survey',
  'RLHF OR DPO',
  'GRPO OR PPO',
  '"reward models" OR PRM',
  'LLM agents -benchmark',
  '"vision transformers" OR ViT',
  'RAG -survey',
  'MoE OR "sparse models"',
  '"speculative decoding" OR "early exit"',
];

export interface Topics {
  raws: string[];
  keys: string[];
  /** Surface forms a paper may use for topic i. */
  surfaces: string[][];
}

/** ~`count` distinct topics: heads and queries first (the popular ones), then specialisations. */
export function makeTopics(count: number, random: () => number): Topics {
  const out: Topics = { raws: [], keys: [], surfaces: [] };
  const seen = new Set<string>();
  const add = (raw: string, surfaces: string[]): void => {
    const key = normalizeTopic(raw).key;
    if (seen.has(key) || out.raws.length >= count) return;
    seen.add(key);
    out.raws.push(raw);
    out.keys.push(key);
    out.surfaces.push(surfaces);
  };
  for (const forms of HEADS) add(forms[0] as string, forms);
  for (const q of QUERIES) add(q, [q.replace(/"|-\w+| OR .*/g, '').trim()]);
  const combos = HEADS.flatMap((forms) => MODIFIERS.map((m) => [m, forms] as const));
  for (let i = combos.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [combos[i], combos[j]] = [combos[j]!, combos[i]!];
  }
  for (const [m, forms] of combos)
    add(
      `${m} ${forms[0]}`,
      forms.map((f) => `${m} ${f}`),
    );
  return out;
}
