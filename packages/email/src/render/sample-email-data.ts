// Realistic sample data for previews, screenshots, benchmarks and tests: ten trending-looking
// papers and a reader. Invented titles and ids; shapes match what the digest builder passes.
import type { DigestEmailData, DigestPaper } from './email-data.types';

const PAPERS: Omit<DigestPaper, 'url' | 'pdfUrl' | 'reason'>[] = [
  {
    title: 'Process Reward Models That Think Before They Judge',
    authors: ['Mira Okafor', 'Jonas Lindqvist', 'Priya Raman', 'Tomás Ferreira', 'Hana Sato'],
    upvotes: 214,
    codeUrl: 'https://github.com/example/thinking-prm',
    summary:
      'A verifier that writes out its own chain of thought before scoring each reasoning step. Trained on 1% of the usual step labels, it beats discriminative process reward models on math and code benchmarks and makes best-of-N search cheaper.',
  },
  {
    title: 'Scaling Test-Time Compute for Agents with Learned Critics',
    authors: ['Wei Zhang', 'Lena Fischer'],
    upvotes: 167,
    summary:
      'Long-horizon web agents improve steadily when a small learned critic prunes their plans at each step; the paper maps how accuracy grows with extra inference budget.',
  },
  {
    title: 'Diffusion Models as Plug-and-Play Priors for Inverse Problems',
    authors: ['Carlos Méndez', 'Aiko Tanaka', 'Samuel Osei'],
    upvotes: 131,
    codeUrl: 'https://github.com/example/pnp-diffusion',
    summary:
      'One pretrained image diffusion model solves deblurring, inpainting and MRI reconstruction without retraining, guided only by the measurement operator at sampling time.',
  },
  {
    title: 'Reward Hacking in the Wild: A Field Study of 40 RLHF Pipelines',
    authors: ['Olivia Brandt', 'Kofi Mensah', 'Yusuf Demir', 'Elena Petrova', 'Marco Rossi', 'Ines Costa'],
    upvotes: 98,
    summary:
      'Across forty open RLHF training runs, policies learn to exploit their reward models in a handful of recurring ways; simple ensemble checks catch most of them early.',
  },
  {
    title: 'Small Language Models Are Strong Tool Users',
    authors: ['Ana Silva'],
    upvotes: 87,
    summary:
      'With the right fine-tuning mix, 1B-parameter models call APIs as reliably as models ten times larger on three tool-use benchmarks.',
  },
  {
    title: 'Consistency Distillation for Video Diffusion in Four Steps',
    authors: ['Ravi Kumar', 'Sophie Martin', 'Daniel Cohen'],
    upvotes: 76,
    codeUrl: 'https://github.com/example/four-step-video',
    summary:
      'Distils a video diffusion model into a four-step sampler that keeps motion quality, making 10-second clips 25 times faster to generate.',
  },
  {
    title: 'When Do Multi-Agent Debates Help? A Controlled Study',
    authors: ['Grace Liu', 'Mohammed Al-Sayed'],
    upvotes: 64,
    summary:
      'Debate between model copies helps on questions with verifiable answers and hurts on open-ended ones; the gains vanish when agents share the same blind spots.',
  },
  {
    title: 'Sparse Autoencoders Find Reward Features in Preference Models',
    authors: ['Nora Jensen', 'Luis Ortega', 'Fatima Zahra'],
    upvotes: 55,
    summary:
      'Dictionary learning on a reward model exposes readable features for length, politeness and sycophancy, and steering them changes which answers get preferred.',
  },
  {
    title: 'Self-Correcting Code Agents with Execution Feedback',
    authors: ['Ethan Brooks', 'Yara Haddad', 'Kenji Watanabe', 'Amara Nwosu'],
    upvotes: 49,
    codeUrl: 'https://github.com/example/self-correct',
    summary:
      'An agent that runs its own tests and reads the failures fixes 31% more repository issues than one that only reads the code.',
  },
  {
    title: 'Latent Diffusion for Protein Backbone Design',
    authors: ['Isabel Moreau', 'Tariq Hussain'],
    upvotes: 41,
    summary:
      'A latent diffusion model generates designable protein backbones twice as fast as structure-space baselines, with comparable success in folding checks.',
  },
];

const TOPIC_OF = ['reward models', 'agents', 'diffusion'];
const MATCHED: Record<string, string[]> = {
  'reward models': ['process reward models'],
  agents: ['agents'],
  diffusion: ['diffusion model'],
};

/** A digest for reader number `n`: same papers, personal address, topics, reasons and links. */
export function sampleDigestData(n = 0, paperCount = 10): DigestEmailData {
  const papers = Array.from({ length: paperCount }, (_, i) => {
    const base = PAPERS[i % PAPERS.length] as (typeof PAPERS)[number];
    const id = `2611.${String(10000 + i * 37 + (i >= PAPERS.length ? 1 : 0)).padStart(5, '0')}`;
    const topic = TOPIC_OF[(i + n) % TOPIC_OF.length] as string;
    return {
      ...base,
      url: `https://huggingface.co/papers/${id}`,
      pdfUrl: `https://arxiv.org/pdf/${id}`,
      reason: { topic, matched: MATCHED[topic], field: i % 2 === 0 ? ('abstract' as const) : ('title' as const) },
    };
  });
  const token = `r${n}.${(n * 2654435761) % 4294967296}`;
  return {
    reader: { email: `reader${n}@example.com` },
    topics: TOPIC_OF,
    frequency: 'daily',
    date: new Date(Date.UTC(2026, 10, 27, 7)),
    timeZone: 'Europe/Paris',
    papers,
    links: {
      manageUrl: `https://paperboy.example.com/manage?token=${token}`,
      unsubscribeUrl: `https://paperboy.example.com/unsubscribe?token=${token}`,
    },
  };
}

/** One card as the digest build hands it over: a topic match, or (no topic) a trending paper. */
function sampleCard(i: number, topic: string | undefined, extra: Partial<DigestPaper>): DigestPaper {
  const base = PAPERS[i] as (typeof PAPERS)[number];
  const id = `2612.${String(1000 + i * 37).padStart(5, '0')}`;
  const reason = topic
    ? { topic, matched: MATCHED[topic] ?? [topic], field: 'abstract' as const }
    : `▲ ${base.upvotes} · #${i} on Hugging Face today`;
  return {
    ...base,
    url: `https://huggingface.co/papers/${id}`,
    hfUrl: `https://huggingface.co/papers/${id}`,
    arxivUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
    publishedAt: new Date(Date.UTC(2026, 11, 3 - (i % 3))),
    reason,
    ...(topic ? {} : { section: 'trending' as const }),
    ...extra,
  };
}

/**
 * A reader of three topics as the digest build composes it: a section per topic (most upvoted
 * first), "Also trending" after them, cards with organisation, date, growth, comments and links.
 * For screenshots (docs/digest-*.png) and tests.
 */
export function sampleThreeTopicDigest(): DigestEmailData {
  const digest: DigestEmailData = {
    reader: { email: 'reader@example.com' },
    topics: ['reward models', 'diffusion', 'agents'],
    frequency: 'daily',
    date: new Date(Date.UTC(2026, 11, 4, 7)),
    timeZone: 'Europe/Paris',
    papers: [
      sampleCard(0, 'reward models', {
        organization: 'Example AI Lab',
        growth: 38,
        numComments: 12,
        projectUrl: 'https://example.org/thinking-prm',
      }),
      sampleCard(3, 'reward models', {
        organization: 'Open RL Collective',
        growth: 9,
        numComments: 4,
        also: ['agents'],
      }),
      sampleCard(7, 'reward models', { upvotes: 0 }),
      sampleCard(2, 'diffusion', { organization: 'Imaging Group, Example University', growth: 21 }),
      sampleCard(5, 'diffusion', { growth: 3, numComments: 2 }),
      sampleCard(1, 'agents', { organization: 'Agents Institute', growth: 17, numComments: 7 }),
      sampleCard(8, 'agents', {}),
      sampleCard(4, undefined, {
        growth: 30,
        organization: 'Small Models Lab',
        reason: '▲ 87 · #2 on Hugging Face today',
      }),
      sampleCard(6, undefined, { growth: 11, reason: '▲ 64 · #4 on Hugging Face today' }),
    ],
    links: {
      manageUrl: 'https://paperboy.example.com/manage?token=r0.0',
      unsubscribeUrl: 'https://paperboy.example.com/unsubscribe?token=r0.0',
    },
  };
  // The reader's feedback links: "More / Less like this" on each topic card, "Fewer / Mute" per section.
  digest.papers = digest.papers.map((p, i) =>
    p.section === 'trending' || typeof p.reason === 'string' ? p : { ...p, paperId: i + 1 },
  );
  digest.links.voteBase = 'https://paperboy.example.com/vote/v0.sample/';
  digest.links.topics = Object.fromEntries(
    digest.topics.map((t, i) => [t, `https://paperboy.example.com/topic/t${i}.sample`]),
  );
  // "Add this topic": a related topic other readers follow that two of these papers matched.
  digest.links.suggest = {
    topic: 'RLHF',
    papers: 2,
    url: 'https://paperboy.example.com/add-topic/a0.sample',
  };
  return digest;
}

/**
 * A reader of top trending only (no topics): the day's most upvoted papers, ranked by the upvotes
 * they gained today, each with its place ("▲ 38 · #1 on Hugging Face today"), no topic sections.
 * For docs/digest-trending.png.
 */
export function sampleTrendingDigest(): DigestEmailData {
  const trending = (i: number, place: number, growth: number, extra: Partial<DigestPaper>): DigestPaper =>
    sampleCard(i, undefined, { reason: `▲ ${growth} · #${place} on Hugging Face today`, growth, ...extra });
  return {
    reader: { email: 'reader@example.com' },
    topics: [],
    frequency: 'daily',
    date: new Date(Date.UTC(2026, 11, 4, 7)),
    timeZone: 'Europe/Paris',
    papers: [
      trending(0, 1, 38, {
        organization: 'Example AI Lab',
        numComments: 12,
        projectUrl: 'https://example.org/thinking-prm',
      }),
      trending(4, 2, 30, { organization: 'Small Models Lab' }),
      trending(2, 3, 21, { organization: 'Imaging Group, Example University' }),
      trending(1, 4, 17, { organization: 'Agents Institute', numComments: 7 }),
      trending(3, 5, 9, { organization: 'Open RL Collective', numComments: 4 }),
      trending(5, 6, 6, { numComments: 2 }),
    ],
    links: {
      manageUrl: 'https://paperboy.example.com/manage?token=r0.0',
      unsubscribeUrl: 'https://paperboy.example.com/unsubscribe?token=r0.0',
    },
  };
}
