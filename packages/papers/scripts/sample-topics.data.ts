// Templates for the synthetic demo feed (samples/papers.ndjson). Every title and abstract
// is invented here; `{x}` in a title is filled from `fills`. Distractors share words with
// real topics (diffusion, transformer, reward, agents) but are about something else, so
// the demo shows matching that is not fooled by a single word.
export interface TopicTemplate {
  topic: string;
  keywords: string[];
  titles: string[];
  fills: string[];
  problems: string[];
  methods: string[];
  results: string[];
}

export const TOPICS: TopicTemplate[] = [
  {
    topic: 'rlhf',
    keywords: ['RLHF', 'reward models', 'preference learning', 'alignment', 'DPO'],
    titles: [
      'Calibrated Reward Models for {x}',
      'Reward Hacking in {x}: A Diagnostic Study',
      'Direct Preference Optimization with {x}',
      'Learning from Human Feedback under {x}',
      'Robust RLHF via {x}',
    ],
    fills: [
      'Noisy Annotators',
      'Long-Form Answers',
      'Multi-Turn Dialogue',
      'Sparse Comparisons',
      'Ensemble Critics',
      'Code Generation',
    ],
    problems: [
      'Reinforcement learning from human feedback depends on a reward model that is only as good as the preference data behind it.',
      'Reward models trained on pairwise human preferences are easily exploited by the policy they supervise.',
      'Preference optimization methods such as DPO assume annotators agree, which they rarely do.',
    ],
    methods: [
      'We fit the reward model with a calibration term that penalises overconfident comparisons.',
      'We train an ensemble of reward heads and optimise the policy against their lower confidence bound.',
      'We reweight human preference pairs by estimated annotator reliability before policy optimization.',
    ],
    results: [
      'Across {n} alignment benchmarks, reward hacking drops by {p}% while helpfulness is unchanged.',
      'The aligned model wins {p}% of head-to-head comparisons judged by human raters.',
    ],
  },
  {
    topic: 'diffusion',
    keywords: ['diffusion models', 'image generation', 'denoising', 'score matching'],
    titles: [
      'Faster Sampling for Diffusion Models via {x}',
      'Consistency Distillation of {x}',
      'Latent Diffusion for {x}',
      'Guidance-Free Diffusion with {x}',
      'Denoising Diffusion Priors for {x}',
    ],
    fills: [
      'Video Generation',
      'High-Resolution Images',
      'Learned Noise Schedules',
      '3D Shapes',
      'Few-Step Samplers',
      'Text-to-Image Editing',
    ],
    problems: [
      'Denoising diffusion models produce excellent samples but need many network evaluations per image.',
      'Classifier-free guidance improves diffusion model fidelity at the cost of diversity and doubled compute.',
      'Score-based generative models struggle to keep temporal consistency when generating video.',
    ],
    methods: [
      'We distil a pretrained diffusion model into a student that denoises in a handful of steps.',
      'We learn the noise schedule jointly with the denoiser so that steps concentrate where the loss is high.',
      'We run the diffusion process in a compressed latent space shared across frames.',
    ],
    results: [
      'Image generation quality matches the teacher with {n} sampling steps instead of 50.',
      'FID improves by {p}% on standard image generation benchmarks at equal compute.',
    ],
  },
  {
    topic: 'rag',
    keywords: ['retrieval-augmented generation', 'RAG', 'dense retrieval', 'question answering'],
    titles: [
      'Retrieval-Augmented Generation over {x}',
      'When Does RAG Hurt? {x}',
      'Dense Retrieval for {x}',
      'Citation-Faithful RAG with {x}',
      'Adaptive Retrieval for {x}',
    ],
    fills: [
      'Evolving Corpora',
      'Long Documents',
      'Multilingual Question Answering',
      'Enterprise Knowledge Bases',
      'Conflicting Sources',
      'Tables and Text',
    ],
    problems: [
      'Retrieval-augmented generation grounds language models in documents, but retrieved passages are often irrelevant or stale.',
      'RAG pipelines retrieve a fixed number of passages regardless of whether the question needs them.',
      'Dense retrievers trained on web questions transfer poorly to specialised document collections.',
    ],
    methods: [
      'We train the retriever and generator jointly with a signal that rewards cited passages.',
      'We let the model decide per query whether to retrieve, and how much.',
      'We index documents incrementally so the retrieval corpus stays fresh without full rebuilds.',
    ],
    results: [
      'Answer accuracy on open-domain question answering rises by {p}% with {n}x fewer retrieved tokens.',
      'Hallucinated citations fall by {p}% on a new benchmark of {n} questions.',
    ],
  },
  {
    topic: 'multi-agent',
    keywords: ['multi-agent systems', 'LLM agents', 'tool use', 'agent collaboration'],
    titles: [
      'Multi-Agent Debate for {x}',
      'Coordinating LLM Agents with {x}',
      'Role-Playing Agent Teams for {x}',
      'Communication Protocols for Multi-Agent {x}',
      'Self-Organising LLM Agents for {x}',
    ],
    fills: [
      'Software Engineering',
      'Scientific Discovery',
      'Shared Memory',
      'Negotiation',
      'Long-Horizon Planning',
      'Web Tasks',
    ],
    problems: [
      'Multi-agent systems built from large language models promise division of labour, yet agents often talk past each other.',
      'LLM agents that use tools fail on long tasks because errors compound across steps.',
      'Debate between language model agents improves answers only when the agents disagree for good reasons.',
    ],
    methods: [
      'We give each agent a role and a shared scratchpad, and a coordinator that assigns subtasks.',
      'We train agents to send short structured messages instead of free-form dialogue.',
      'We add a verifier agent that checks tool outputs before they enter the shared plan.',
    ],
    results: [
      'On {n} multi-step agent benchmarks, task success improves by {p}% over a single agent.',
      'The agent team resolves {p}% more issues while using {n}x fewer tokens.',
    ],
  },
  {
    topic: 'vlm',
    keywords: ['vision-language models', 'multimodal LLMs', 'visual question answering', 'image captioning'],
    titles: [
      'Vision-Language Models Struggle with {x}',
      'Grounded Multimodal Reasoning over {x}',
      'Efficient Vision-Language Pretraining with {x}',
      'Visual Instruction Tuning for {x}',
      'Hallucination in Vision-Language Models: {x}',
    ],
    fills: [
      'Charts and Plots',
      'Counting',
      'Spatial Relations',
      'Documents',
      'Video Frames',
      'Fine-Grained Attributes',
    ],
    problems: [
      'Vision-language models answer questions about images fluently but often describe objects that are not there.',
      'Multimodal LLMs read natural images well and charts, tables and documents poorly.',
      'Vision-language pretraining needs billions of image-text pairs, most of them noisy.',
    ],
    methods: [
      'We build a synthetic curriculum of images with verifiable answers for visual instruction tuning.',
      'We add a grounding step that links every phrase of the answer to an image region.',
      'We filter image-text pairs with a small captioning model and keep the most informative ones.',
    ],
    results: [
      'Visual question answering accuracy rises by {p}% and object hallucination halves.',
      'The model matches larger vision-language models on {n} benchmarks with a tenth of the data.',
    ],
  },
  {
    topic: 'moe',
    keywords: ['mixture of experts', 'sparse models', 'expert routing', 'conditional computation'],
    titles: [
      'Mixture-of-Experts Routing without {x}',
      'Scaling Sparse Mixture of Experts with {x}',
      'Expert Specialisation in {x}',
      'Fine-Grained Experts for {x}',
      'Load-Balanced Mixture of Experts via {x}',
    ],
    fills: [
      'Auxiliary Losses',
      'Multilingual Models',
      'Token Dropping',
      'Expert Parallelism',
      'Upcycled Dense Models',
      'Inference Caching',
    ],
    problems: [
      'Mixture-of-experts models activate a few experts per token, but routers collapse onto a handful of experts.',
      'Sparse mixture of experts layers are cheap in FLOPs and expensive in communication.',
      'It is unclear what individual experts in a mixture of experts actually specialise in.',
    ],
    methods: [
      'We route tokens with a balanced assignment solved per batch, with no auxiliary loss.',
      'We place experts to minimise all-to-all traffic and overlap communication with compute.',
      'We probe each expert with controlled inputs and cluster the tokens it receives.',
    ],
    results: [
      'Training is {p}% faster at equal quality, and {n} of 64 experts no longer sit idle.',
      'Perplexity improves by {p}% over a dense model with the same active parameters.',
    ],
  },
  {
    topic: 'reasoning',
    keywords: ['chain-of-thought', 'reasoning', 'mathematical reasoning', 'test-time compute'],
    titles: [
      'Chain-of-Thought Distillation for {x}',
      'Scaling Test-Time Compute for {x}',
      'Process Reward Models for {x}',
      'Self-Verification Improves {x}',
      'Shorter Chains of Thought for {x}',
    ],
    fills: ['Small Reasoners', 'Math Word Problems', 'Theorem Proving', 'Code Reasoning', 'Logic Puzzles', 'Planning'],
    problems: [
      'Chain-of-thought prompting helps large models reason step by step, but small models imitate the form without the substance.',
      'Spending more compute at test time improves reasoning, yet most samples are wasted on wrong paths.',
      'Long chains of thought are expensive, and many of their steps are redundant.',
    ],
    methods: [
      'We train a process reward model that scores each reasoning step and prune low-scoring branches.',
      'We distil verified step-by-step solutions from a large model into a 1B-parameter reasoner.',
      'We reward the model for reaching correct answers with fewer reasoning tokens.',
    ],
    results: [
      'Accuracy on mathematical reasoning benchmarks improves by {p}% with {n}x less test-time compute.',
      'Reasoning chains shrink by {p}% with no loss in accuracy.',
    ],
  },
  {
    topic: 'efficient-inference',
    keywords: ['quantization', 'efficient inference', 'KV cache', 'speculative decoding'],
    titles: [
      '{x} for LLM Inference at 3 Bits',
      'Speculative Decoding with {x}',
      'KV Cache Compression via {x}',
      'Post-Training Quantization with {x}',
      'Serving Large Language Models with {x}',
    ],
    fills: [
      'Outlier Channels',
      'Draft Heads',
      'Token Eviction',
      'Rotation Matrices',
      'Paged Attention',
      'Mixed Precision',
    ],
    problems: [
      'Quantization makes large language models cheaper to serve, but a few outlier channels ruin low-bit accuracy.',
      'Autoregressive decoding is memory-bound, and the KV cache grows with every generated token.',
      'Speculative decoding speeds up inference only when the draft model agrees with the target often.',
    ],
    methods: [
      'We keep outlier channels in 8 bits and quantize the rest to 3 bits after a learned rotation.',
      'We evict KV cache entries whose attention mass stays below a threshold.',
      "We train lightweight draft heads on the target model's own outputs.",
    ],
    results: [
      'Efficient inference reaches {n}x throughput with a perplexity increase under {p}%.',
      'Memory use drops by {p}% and latency by {n}x on a single GPU.',
    ],
  },
  {
    topic: 'robotics',
    keywords: ['robotics', 'robot learning', 'manipulation', 'sim-to-real'],
    titles: [
      'Language-Conditioned Robot Manipulation with {x}',
      'Sim-to-Real Transfer for {x}',
      'Vision-Language-Action Models for {x}',
      'Learning Dexterous Grasping from {x}',
      'Robot Policies that Recover from {x}',
    ],
    fills: [
      'Deformable Objects',
      'Legged Locomotion',
      'Human Videos',
      'Few Demonstrations',
      'Failures',
      'Kitchen Tasks',
    ],
    problems: [
      'Robot learning from demonstrations needs hundreds of examples per task and breaks under small changes.',
      'Policies trained in simulation fail on real robots because of unmodelled contact dynamics.',
      'Manipulation policies rarely recover once a grasp slips.',
    ],
    methods: [
      'We pretrain a visuomotor policy on human videos and fine-tune it with a few robot demonstrations.',
      'We randomise contact parameters in simulation and adapt online from proprioception.',
      'We train the robot policy to detect failure and replan from the current state.',
    ],
    results: [
      'Success on {n} real-world manipulation tasks rises to {p}%.',
      'The robot completes {p}% of long-horizon tasks after only {n} demonstrations.',
    ],
  },
  {
    topic: 'gnn',
    keywords: ['graph neural networks', 'message passing', 'graph learning', 'molecular property prediction'],
    titles: [
      'Graph Neural Networks with {x}',
      'Beyond Message Passing: {x}',
      'Graph Transformers for {x}',
      'Oversmoothing in Deep GNNs: {x}',
      'Scalable Graph Learning on {x}',
    ],
    fills: [
      'k-hop Attention',
      'Molecule Property Prediction',
      'Billion-Edge Graphs',
      'Heterophilous Graphs',
      'Positional Encodings',
      'Temporal Graphs',
    ],
    problems: [
      'Graph neural networks based on message passing cannot distinguish some simple graph structures.',
      'Deep graph neural networks oversmooth: node representations converge as layers are added.',
      'Training GNNs on graphs with billions of edges exceeds the memory of any single machine.',
    ],
    methods: [
      'We add attention over k-hop neighbourhoods with learned positional encodings of the graph.',
      'We rewire the graph to relieve bottlenecks before message passing.',
      'We sample subgraphs with importance weights that keep gradient estimates unbiased.',
    ],
    results: [
      'Graph learning accuracy improves by {p}% on {n} node and graph classification benchmarks.',
      'Molecular property prediction error falls by {p}% over message passing baselines.',
    ],
  },
  {
    topic: 'speech',
    keywords: ['speech recognition', 'text-to-speech', 'speech tokenizers', 'audio language models'],
    titles: [
      'Speech Recognition for {x}',
      'Neural Speech Codecs that Preserve {x}',
      'Zero-Shot Text-to-Speech with {x}',
      'Audio Language Models for {x}',
      'Streaming ASR with {x}',
    ],
    fills: [
      'Low-Resource Languages',
      'Prosody',
      'Speaker Identity',
      'Noisy Meetings',
      'Code-Switching',
      'Emotional Speech',
    ],
    problems: [
      'Automatic speech recognition works well for a few languages and poorly for the thousands with little data.',
      'Speech tokenizers for audio language models discard prosody at low bitrates.',
      'Zero-shot text-to-speech imitates a voice from seconds of audio but loses its expressiveness.',
    ],
    methods: [
      'We pretrain a speech encoder on untranscribed audio and adapt it with a few hours of labels.',
      'We add a separate prosody stream to the speech codec.',
      'We condition text-to-speech on a speaker embedding and a style token learned without labels.',
    ],
    results: [
      'Word error rate falls by {p}% on {n} low-resource languages.',
      'Listeners prefer the synthesised speech in {p}% of comparisons.',
    ],
  },
  {
    topic: 'recsys',
    keywords: ['recommender systems', 'collaborative filtering', 'sequential recommendation', 'ranking'],
    titles: [
      'Generative Retrieval for {x}',
      'Sequential Recommendation with {x}',
      'Debiasing Recommender Systems via {x}',
      'LLM-Based Recommenders for {x}',
      'Cold-Start Recommendation with {x}',
    ],
    fills: [
      'Semantic IDs',
      'Long User Histories',
      'Exposure Bias',
      'Conversational Shopping',
      'Item Content',
      'Multi-Objective Ranking',
    ],
    problems: [
      'Recommender systems learn from clicks on items they chose to show, which biases what they learn.',
      'Sequential recommendation models truncate user histories to a few hundred events.',
      'New items have no interactions, so collaborative filtering cannot rank them.',
    ],
    methods: [
      'We assign items semantic IDs and let a sequence model generate the next item directly.',
      'We correct for exposure with inverse propensity weights estimated from logged rankings.',
      'We encode item content with a language model and align it with collaborative embeddings.',
    ],
    results: [
      'Recall at 10 improves by {p}% on {n} public recommendation datasets.',
      'An online A/B test shows a {p}% lift in engagement.',
    ],
  },
];

/** Near misses: each shares a word with a topic above (diffusion, transformer, reward,
 *  agents, graph) but is about something else. */
export const DISTRACTORS: TopicTemplate[] = [
  {
    topic: 'dti',
    keywords: ['diffusion tensor imaging', 'MRI', 'neuroimaging'],
    titles: ['Diffusion Tensor Imaging of {x}', 'Robust Tractography from Diffusion MRI in {x}'],
    fills: ['White Matter Tracts', 'Ageing Brains', 'Paediatric Cohorts', 'Multi-Site Studies'],
    problems: [
      'Diffusion tensor imaging measures water diffusion in brain tissue and is sensitive to scanner noise.',
      'Tractography from diffusion MRI confuses crossing fibres with bending ones.',
    ],
    methods: [
      'We fit a Bayesian tensor model to the measurements and compare it with least-squares estimators.',
      'We harmonise diffusion MRI across scanners with a linear site model.',
    ],
    results: ['Fractional anisotropy estimates are {p}% more stable across {n} sites.'],
  },
  {
    topic: 'power-transformers',
    keywords: ['power systems', 'fault detection', 'transformers (electrical)'],
    titles: [
      'Fault Detection in Power Transformers using {x}',
      'Remaining-Life Estimation of Distribution Transformers from {x}',
    ],
    fills: ['Dissolved Gas Analysis', 'Thermal Imaging', 'Vibration Signals', 'Load Histories'],
    problems: [
      'Power transformers in the electrical grid fail expensively, and early warning signs are subtle.',
      'Distribution transformers age faster under the load patterns of rooftop solar.',
    ],
    methods: [
      'We collect a decade of field measurements and fit interpretable survival models.',
      'We combine oil temperature and gas readings in a simple threshold ensemble.',
    ],
    results: ['The approach flags {p}% of failures at least {n} weeks in advance.'],
  },
  {
    topic: 'reaction-diffusion',
    keywords: ['partial differential equations', 'pattern formation', 'mathematical biology'],
    titles: ['Reaction-Diffusion Models of {x}', 'Turing Patterns in {x}'],
    fills: ['Animal Coat Markings', 'Bacterial Colonies', 'Vegetation Stripes', 'Chemical Oscillators'],
    problems: [
      'Reaction-diffusion equations explain how spatial patterns emerge in chemical and biological systems.',
      'Turing instabilities predict stripes and spots, but real patterns are rarely that regular.',
    ],
    methods: [
      'We derive conditions for pattern formation with noisy parameters and check them numerically.',
      'We add slow spatial variation to the diffusion coefficients and study the resulting patterns.',
    ],
    results: ['Simulations reproduce {p}% of the observed pattern statistics on {n} field sites.'],
  },
  {
    topic: 'economics',
    keywords: ['economics', 'agent-based models', 'labour markets'],
    titles: ['Agent-Based Models of {x}', 'Reward Structures and Effort in {x}'],
    fills: ['Housing Markets', 'Labour Markets', 'Gig Work', 'Public Procurement'],
    problems: [
      'Agent-based economic models simulate households and firms that follow simple behavioural rules.',
      'How workers respond to bonus and reward structures depends on how they perceive fairness.',
    ],
    methods: [
      'We calibrate the simulated agents to administrative microdata.',
      'We run a field experiment varying bonus schemes across branches of a retailer.',
    ],
    results: ['Effort rises by {p}% under the team bonus, and turnover falls over {n} months.'],
  },
];
