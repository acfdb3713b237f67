// Labelled evaluation set, part A: synthetic papers written like real titles and abstracts,
// each labelled with the evaluation topics it is about. Hard negatives use a topic's words in
// another sense or order ("diffusion tensor imaging", "action recommendations", "ragged").
export interface LabelledPaper {
  title: string;
  abstract: string;
  /** The evaluation topics (as in EVAL_TOPICS) this paper should match; all others should not. */
  about: string[];
}

export const EVAL_PAPERS_A: LabelledPaper[] = [
  {
    title: 'Process Reward Models for Step-Level Verification in Mathematical Reasoning',
    abstract:
      'We train PRMs that score every step of a solution and use them to rerank samples from a policy model. Our verifier improves accuracy on GSM8K and MATH.',
    about: ['reward models'],
  },
  {
    title: 'Scaling Laws for Reward Model Overoptimization',
    abstract:
      'In reinforcement learning from human feedback, optimizing against a proxy reward model eventually hurts the gold reward. We measure how this gap scales with reward model size.',
    about: ['reward models', 'RLHF'],
  },
  {
    title: 'Reward Hacking in Sparse-Reward Environments',
    abstract:
      'Agents exploit flaws in the reward. Models of the environment learned from pixels make the problem worse, and we study when the reward signal can be trusted.',
    about: [],
  },
  {
    title: 'Generative Reward Modeling with Chain-of-Thought Critiques',
    abstract:
      'Instead of a scalar head, our generative reward models write a critique before the verdict, which improves preference accuracy on RewardBench.',
    about: ['reward models', 'chain-of-thought'],
  },
  {
    title: 'Diffusion Tensor Imaging Reveals White Matter Changes in Adolescents',
    abstract:
      'We acquired diffusion tensor imaging data from 300 participants. Fractional anisotropy models show developmental changes in white matter tracts.',
    about: [],
  },
  {
    title: 'Denoising Diffusion Probabilistic Models for Speech Enhancement',
    abstract:
      'We adapt diffusion probabilistic models to remove noise from speech, conditioning the reverse process on the noisy waveform.',
    // Matches the loose topic (an adjective inside), not the quoted one, which asks for exactly those words.
    about: ['diffusion models'],
  },
  {
    title: 'High-Resolution Image Synthesis with Latent Diffusion Models',
    abstract:
      'By training diffusion models in the latent space of a pretrained autoencoder, we reach a near-optimal trade-off between complexity reduction and detail preservation.',
    about: ['diffusion models', '"diffusion models" -survey'],
  },
  {
    title: 'Anomalous Diffusion of Proteins in Crowded Membranes',
    abstract:
      'We compare models of anomalous diffusion against single-particle tracking data and find that crowding explains the subdiffusive regime.',
    about: [],
  },
  {
    title: 'Consistency Distillation for One-Step Video Diffusion',
    abstract:
      'Video diffusion models are slow at sampling. We distill a pretrained video diffusion model into a one-step generator with a consistency objective.',
    // Step distillation of a sampler, not teacher-to-student knowledge distillation: a bare
    // "distill" is deliberately not enough for that topic.
    about: ['diffusion models', '"diffusion models" -survey'],
  },
  {
    title: 'Graph Neural Networks for Session-Based Recommendation',
    abstract:
      'We model sessions as graphs and apply a GNN to predict the next item. Our recommender system outperforms sequential baselines on three datasets.',
    about: ['graph neural networks', 'recommender systems'],
  },
  {
    title: 'Correlated Equilibria via Mediated Action Recommendations',
    abstract:
      'A mediator privately sends action recommendations to players in a repeated game. We characterise the systems of incentive constraints under which players follow them.',
    about: [],
  },
  {
    title: 'Large Language Models as Conversational Recommender Systems',
    abstract:
      'We study how LLMs can elicit preferences through dialogue and recommend items, comparing them with classical collaborative filtering.',
    about: ['recommender systems'],
  },
  {
    title: 'Fairness Audits of Recommendation Systems in Music Streaming',
    abstract:
      'Popularity bias in recommendation systems limits exposure for new artists. We audit three platforms and propose a re-ranking fix.',
    about: ['recommender systems'],
  },
  {
    title: 'Efficient Ragged Batching for Transformer Inference',
    abstract:
      'Padding wastes compute when sequences differ in length. We implement ragged tensors in the attention kernel and report a 1.8x throughput gain.',
    about: [],
  },
  {
    title: 'Self-RAG: Learning to Retrieve, Generate, and Critique through Self-Reflection',
    abstract:
      'We train a single LM that adaptively retrieves passages on demand and reflects on its own generations using special reflection tokens.',
    about: ['RAG'],
  },
  {
    title: 'Benchmarking Retrieval-Augmented Generation for Medicine',
    abstract:
      'We evaluate retrieval augmented generation systems on clinical questions and find that retrieval quality matters more than the generator.',
    about: ['RAG'],
  },
  {
    title: 'Corrective Retrieval for Grounded Question Answering',
    abstract:
      'When retrieved documents are irrelevant, RAG pipelines hallucinate. A lightweight evaluator decides whether to trust, refine or discard retrieved passages.',
    about: ['RAG'],
  },
  {
    title: 'From Rags to Riches: Income Mobility in Online Labour Markets',
    abstract:
      'Using a panel of gig workers we estimate how quickly earnings rise, and whether a rag-to-riches path is available to newcomers.',
    about: [],
  },
  {
    title: 'Mixture-of-Experts with Expert Choice Routing',
    abstract:
      'Instead of tokens choosing experts, experts choose tokens. This balances the load of our sparse MoE layers without an auxiliary loss.',
    about: ['mixture of experts'],
  },
  {
    title: 'A Mixture of Gaussian Experts for Density Estimation',
    abstract:
      'We model the density as a weighted combination of Gaussian components whose parameters are predicted by small expert networks.',
    about: [],
  },
  {
    title: 'Upcycling Dense Checkpoints into Sparse Mixture of Experts',
    abstract: 'We initialise a mixture of experts model from a dense checkpoint, saving most of the pretraining cost.',
    about: ['mixture of experts'],
  },
  {
    title: 'Moe and the Lighthouse: A Case Study in Children’s Literature',
    abstract: 'This essay reads the picture book Moe and the Lighthouse as an allegory of loneliness.',
    about: [],
  },
  {
    title: 'Secrets of RLHF in Large Language Models: PPO',
    abstract: 'We dissect the PPO stage of RLHF and identify policy constraints that stabilise training.',
    about: ['RLHF', 'GRPO OR PPO'],
  },
  {
    title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
    abstract:
      'Reinforcement learning from human feedback is complex and unstable. DPO optimises the same objective with a simple classification loss, with no explicit reward model.',
    about: ['RLHF', 'reward models'],
  },
];
