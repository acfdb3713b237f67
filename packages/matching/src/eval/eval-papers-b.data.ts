// Labelled evaluation set, part B (see part A for the format).
import type { LabelledPaper } from './eval-papers-a.data';

export const EVAL_PAPERS_B: LabelledPaper[] = [
  {
    title: 'Learning from Human Feedback for Robot Grasping',
    abstract:
      'Operators rate grasps; a supervised model learns from these labels. We do not use reinforcement learning.',
    about: [],
  },
  {
    title: 'AgentBench: Evaluating LLMs as Agents',
    abstract:
      'We present a benchmark of eight environments to evaluate LLM agents on multi-turn reasoning and decision making.',
    about: ['LLM agents'],
  },
  {
    title: 'Tool Use in Large Language Model Agents',
    abstract: 'Large language model agents call external tools; we study failure modes when tools return errors.',
    about: ['LLM agents'],
  },
  {
    title: 'Multi-Agent Reinforcement Learning for Traffic Signal Control',
    abstract:
      'Each intersection is an agent trained with MARL. Our method reduces waiting time in a city-scale simulator.',
    about: [],
  },
  {
    title: 'Memory for LLM-Based Agents: A Systematic Study',
    abstract: 'We compare memory designs for LLM-based agents in long-horizon web tasks.',
    about: ['LLM agents'],
  },
  {
    title: 'Vision Transformers Need Registers',
    abstract: 'We identify artifacts in feature maps of ViTs and show that additional register tokens remove them.',
    about: ['vision transformers'],
  },
  {
    title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
    abstract:
      'We show that a pure transformer applied to sequences of image patches performs well. The Vision Transformer (ViT) attains excellent results.',
    about: ['vision transformers'],
  },
  {
    title: 'Hierarchical Vision Transformer using Shifted Windows',
    abstract: 'Swin builds hierarchical feature maps with shifted windows and serves as a general backbone for vision.',
    about: ['vision transformers'],
  },
  {
    title: 'Transformers for Vision-and-Language Navigation',
    abstract: 'An agent follows instructions in 3D houses; we use transformers over vision and language inputs.',
    about: [],
  },
  {
    title: 'Graph Attention Networks',
    abstract:
      'We present GATs, novel neural network architectures that operate on graph-structured data with masked self-attention.',
    about: ['graph neural networks'],
  },
  {
    title: 'Semi-Supervised Classification with Graph Convolutional Networks',
    abstract:
      'We present a scalable approach for semi-supervised learning on graph-structured data using a variant of convolutional neural networks.',
    about: ['graph neural networks'],
  },
  {
    title: 'On the Expressive Power of Message Passing GNNs',
    abstract: 'We relate graph neural networks to the Weisfeiler-Leman test and propose a more expressive variant.',
    about: ['graph neural networks'],
  },
  {
    title: 'Loss Landscapes as Graphs of Neural Network Checkpoints',
    abstract:
      'We build the computational graph of neural networks checkpoints during training and study connectivity between minima.',
    about: [],
  },
  {
    title: 'Distilling the Knowledge in a Neural Network',
    abstract:
      'We compress an ensemble into a single model by knowledge distillation, training a student on the softened outputs of the teacher.',
    about: ['knowledge distillation'],
  },
  {
    title: 'MiniLLM: Knowledge Distillation of Large Language Models',
    abstract:
      'We distill LLMs into smaller students with reverse KL, which avoids overestimating low-probability regions.',
    about: ['knowledge distillation'],
  },
  {
    title: 'Water Distillation Plants and Regional Knowledge Networks',
    abstract: 'A study of how engineering knowledge spread between distillation plants in the nineteenth century.',
    about: [],
  },
  {
    title: 'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models',
    abstract:
      'We show that generating a chain of thought, a series of intermediate reasoning steps, improves the ability of LLMs to reason.',
    about: ['chain-of-thought'],
  },
  {
    title: 'Faithfulness of CoT Explanations',
    abstract: 'We test whether CoT rationales reflect the computation models actually perform.',
    about: ['chain-of-thought'],
  },
  {
    title: 'Supply Chain Resilience and the Thought Leadership of Managers',
    abstract: 'Managers in the supply chain: thought leadership predicts resilience in our survey of 400 firms.',
    about: [],
  },
  {
    title: 'Robust Speech Recognition via Large-Scale Weak Supervision',
    abstract: 'We train an ASR model on 680,000 hours of multilingual audio and approach human robustness.',
    about: ['speech recognition'],
  },
  {
    title: 'Streaming Automatic Speech Recognition on Device',
    abstract: 'We design a low-latency automatic speech recognition model for phones.',
    about: ['speech recognition'],
  },
  {
    title: 'Speech Emotion Recognition with Self-Supervised Features',
    abstract: 'We classify emotions in speech; recognition accuracy improves with wav2vec features.',
    about: [],
  },
];
