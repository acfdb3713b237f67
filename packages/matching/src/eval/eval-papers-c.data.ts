// Labelled evaluation set, part C: papers for the query topics (OR, quoted phrase with an
// exclusion) and for LoRA, whose acronym collides with LoRa radios.
import type { LabelledPaper } from './eval-papers-a.data';

export const EVAL_PAPERS_C: LabelledPaper[] = [
  {
    title: 'DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models',
    abstract:
      'We introduce Group Relative Policy Optimization (GRPO), a variant of PPO that drops the critic and estimates the baseline from group scores.',
    about: ['GRPO OR PPO'],
  },
  {
    title: 'Proximal Policy Optimization Algorithms',
    abstract:
      'We propose a family of policy gradient methods that alternate between sampling data and optimizing a clipped surrogate objective.',
    about: ['GRPO OR PPO'],
  },
  {
    title: 'Policy Optimization for Multi-Echelon Inventory Control',
    abstract: 'We optimise reorder policies with a proximal gradient method and compare it with base-stock heuristics.',
    about: [],
  },
  {
    title: 'A Survey on Diffusion Models for Image Editing',
    abstract:
      'We review more than 100 methods that edit images with pretrained diffusion models and organise them by the type of guidance.',
    about: ['diffusion models'],
  },
  {
    title: 'Training-Free Guidance for Text-to-Image Diffusion Models',
    abstract: 'We steer pretrained diffusion models toward layout constraints without any training.',
    about: ['diffusion models', '"diffusion models" -survey'],
  },
  {
    title: 'LoRA: Low-Rank Adaptation of Large Language Models',
    abstract:
      'We freeze the pretrained weights and inject trainable rank decomposition matrices into each layer, greatly reducing the number of trainable parameters.',
    about: ['LoRA'],
  },
  {
    title: 'QLoRA: Efficient Finetuning of Quantized LLMs',
    abstract:
      'We backpropagate through a frozen 4-bit model into Low Rank Adapters (LoRA), finetuning a 65B model on a single GPU.',
    about: ['LoRA'],
  },
  {
    title: 'Low-Rank Adaptation for Accented Speech Models',
    abstract:
      'Low-rank adaptation of a pretrained speech recognition model to accented English with a few hours of data.',
    about: ['LoRA', 'speech recognition'],
  },
  {
    title: 'LoRa Mesh Networks for Agricultural Sensors',
    abstract: 'We deploy LoRa radios across 40 farms and measure packet loss over long-range links.',
    about: [],
  },
  {
    title: 'Low-Rank Matrix Completion with Adaptive Sampling',
    abstract: 'We give an adaptive sampling scheme for recovering a low-rank matrix from few entries.',
    about: [],
  },
  {
    title: 'Born-Again Neural Networks',
    abstract:
      'We revisit knowledge distillation with a student of the same size as its teacher and find that the student outperforms it.',
    about: ['knowledge distillation'],
  },
  {
    title: 'Distilled Spirits and Regional Trade Networks',
    abstract: 'Knowledge of distillation techniques travelled with merchants; we trace it through customs records.',
    about: [],
  },
  {
    title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity',
    abstract:
      'Mixture of Experts (MoE) models select different parameters for each incoming example. We simplify the MoE routing algorithm.',
    about: ['mixture of experts'],
  },
];
