// How the typing guidance's "did you mean" does on real language: the vocabulary of the 3,000
// most recent papers of the real arXiv corpus (docs/architecture.md, "Evaluation data"; what the API builds from its newest stored
// papers), then misspelt topics (each must come back as intended) and correctly spelt topics,
// many with rare words (none may be touched). The lists are ours; only counts are printed.
// Run from the repository root: npx tsx --conditions=source packages/matching/scripts/spelling-eval.ts
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { findArxivData, missingDataMessage } from '../src/eval/real/arxiv-data';
import { buildVocabulary, didYouMean } from '../src/guidance';

const data = findArxivData();
if (data === null) {
  console.log(missingDataMessage());
  process.exit(0);
}

const MISSPELT: [typed: string, meant: string][] = [
  ['difusion models', 'diffusion models'],
  ['reinforcment learning', 'reinforcement learning'],
  ['transfomers', 'transformers'],
  ['retreival augmented generation', 'retrieval augmented generation'],
  ['protien folding', 'protein folding'],
  ['graph nueral networks', 'graph neural networks'],
  ['speach recognition', 'speech recognition'],
  ['vision langauge models', 'vision language models'],
  ['robotic manipulaton', 'robotic manipulation'],
  ['knowlege graphs', 'knowledge graphs'],
  ['autonomus driving', 'autonomous driving'],
  ['federeated learning', 'federated learning'],
  ['medcial imaging', 'medical imaging'],
  ['time seires', 'time series'],
  ['point clods', 'point clouds'],
  ['gausian splatting', 'gaussian splatting'],
  ['interpretabilty', 'interpretability'],
  ['halucination', 'hallucination'],
  ['multimodel learning', 'multimodal learning'],
  ['contrastive lerning', 'contrastive learning'],
  ['segmentaion', 'segmentation'],
  ['reasonning', 'reasoning'],
  ['benchmarck', 'benchmark'],
  ['LLM agnets', 'LLM agents'],
  ['Difusion Transformers', 'Diffusion Transformers'],
  ['anomaly detecton', 'anomaly detection'],
  ['object dectection', 'object detection'],
  ['sementic segmentation', 'semantic segmentation'],
];

const MEANT: string[] = [
  'mamba',
  'kolmogorov arnold networks',
  'wasserstein distance',
  'lidar',
  'hypergraph',
  'neuromorphic computing',
  'spiking neural networks',
  'federated learning',
  'photonic computing',
  'quantum error correction',
  'optical flow',
  'protein folding',
  'gaussian splatting',
  'hyperspectral imaging',
  'sign language',
  'legal NLP',
  'weather forecasting',
  'music generation',
  'tabular data',
  'time series',
  'autonomous driving',
  'point clouds',
  'knowledge graphs',
  'code generation',
  'theorem proving',
  'mixture of experts',
  'speculative decoding',
  'tokenizers',
  'watermarking',
  'jailbreaks',
  'red teaming',
  'medical imaging',
  'drug discovery',
  'materials science',
  'climate modeling',
  'earth observation',
  'sparse autoencoders',
  'world models',
  'humanoid robots',
  'embodied agents',
  'diffusion policy',
  'reward hacking',
  'sycophancy',
  'membership inference',
  'differential privacy',
  'bioacoustics',
  'seismology',
  'crystallography',
  'epidemiology',
  'cryptography',
  'RLHF OR DPO',
  'LLaMA fine-tuning',
  'quantization',
  'tokenization',
  // British spellings are spellings, not mistakes: papers use them too.
  'optimisation landscapes',
  'language modelling',
];

const lines = gunzipSync(readFileSync(data)).toString('utf8').split('\n').filter(Boolean);
const papers = lines.slice(-3000).map((l) => {
  const p = JSON.parse(l);
  return { title: p.title as string, abstract: p.abstract as string };
});
const started = process.cpuUsage();
const vocabulary = buildVocabulary(papers);
const cpu = process.cpuUsage(started);
let fixed = 0;
for (const [typed, meant] of MISSPELT) {
  const fix = didYouMean(typed, vocabulary);
  if (fix?.text === meant) fixed += 1;
  else console.log(`not fixed: "${typed}" → ${fix ? `"${fix.text}"` : 'nothing'} (meant "${meant}")`);
}
let touched = 0;
for (const topic of MEANT) {
  const fix = didYouMean(topic, vocabulary);
  if (!fix) continue;
  touched += 1;
  console.log(`wrongly corrected: "${topic}" → "${fix.text}"`);
}
console.log(
  `vocabulary of ${papers.length} real papers: ${vocabulary.words.size} words, ${vocabulary.phrases.size} pairs, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
);
console.log(
  `misspelt topics fixed as meant: ${fixed}/${MISSPELT.length}; correct topics left alone: ${MEANT.length - touched}/${MEANT.length}`,
);
