// Recent papers for the typing-guidance tests (issue 13): "AI" in most of them (too broad),
// diffusion models in a few (the typo "difusion models" has somewhere to point), "error
// correction" twice (what "quantum error correction", with nothing recent, is offered).
import type { TestApp } from './test-app';

const AI_TITLES = [
  'AI agents that plan with tools',
  'AI agents for web navigation',
  'Evaluating AI agents on long tasks',
  'Memory for AI agents',
  'AI agents in the lab',
  'Generative AI for slide design',
  'Generative AI and copyright',
  'Generative AI in classrooms',
  'AI safety via debate',
  'AI safety benchmarks revisited',
  'AI for weather forecasting',
  'AI for chip placement',
  'AI in radiology workflows',
  'AI-assisted proof search',
  'AI-assisted code review',
  'Explainable AI for credit scoring',
  'Explainable AI with concept bottlenecks',
  'Embodied AI in kitchens',
  'Embodied AI with language feedback',
  'AI tutors that ask questions',
  'Open AI models for translation',
  'AI governance in practice',
];
const OTHER = [
  ['Latent diffusion models for video', 'We train latent diffusion models on video.'],
  ['Diffusion models for protein design', 'Diffusion models generate protein backbones.'],
  ['Faster sampling for diffusion models', 'A sampler for diffusion models in ten steps.'],
  ['Diffusion models meet robotics', 'Policies from diffusion models.'],
  ['Reward models that explain themselves', 'We train reward models with rationales.'],
  ['Error correction for noisy labels', 'Label error correction with small clean sets.'],
  ['Error correction in speech transcripts', 'Post-hoc error correction of transcripts.'],
  ['Graph coloring bounds', 'New bounds for graph coloring.'],
  ['Robot grasping from single views', 'Grasping unseen objects.'],
  ['Tabular learning with trees', 'Gradient boosted trees still win on tables.'],
  ['Sparse attention for long documents', 'Attention that scales to books.'],
  ['Speech recognition for low-resource languages', 'Speech recognition with little data.'],
];

/** Stores the papers (published over the last few days) and answers how many there are. */
export async function seedGuidancePapers(app: TestApp): Promise<number> {
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
  const data = [
    ...AI_TITLES.map((title) => ({
      title,
      abstract: `We study ${title.toLowerCase()} and what AI systems need to get there.`,
    })),
    ...OTHER.map(([title, abstract]) => ({ title: title as string, abstract: abstract as string })),
  ].map((p, i) => ({
    ...p,
    sourceId: `2612.2${String(i).padStart(4, '0')}`,
    publishedAt: hoursAgo(6 + i * 3),
    upvotes: 10 + i,
    authors: ['Ada Lovelace'],
    hfUrl: `https://huggingface.co/papers/2612.2${String(i).padStart(4, '0')}`,
  }));
  await app.database.db.paper.createMany({ data });
  return data.length;
}
