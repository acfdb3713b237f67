// The maintained alias table of field vocabulary: an acronym and its expansions share one
// canonical token (the acronym as written here), hence one topic key. Adding an entry changes
// the key of topics that contain its expansion: re-normalise stored topics when you do.
//
// wordLike: the acronym is also an ordinary word ("rag", "cot", "nerf"), so in a paper it only
// counts when written with at least two capitals (RAG, CoT, NeRF); a reader's topic may be
// typed in any case. broader: a topic equal to one of these phrases also matches this entry
// (a reader following "reward models" wants papers about PRMs).
export interface AliasEntry {
  acronym: string;
  expansions: string[];
  wordLike?: boolean;
  broader?: string[];
}

export const ALIASES: readonly AliasEntry[] = [
  { acronym: 'LLM', expansions: ['large language model'] },
  { acronym: 'MLLM', expansions: ['multimodal large language model', 'multimodal LLM'] },
  { acronym: 'VLM', expansions: ['vision language model', 'visual language model'] },
  { acronym: 'VLA', expansions: ['vision language action model'] },
  { acronym: 'LRM', expansions: ['large reasoning model'] },
  {
    acronym: 'SLM',
    expansions: ['small language model', 'compact language model', 'lightweight language model', 'tiny language model'],
  },
  { acronym: 'RL', expansions: ['reinforcement learning'] },
  { acronym: 'RLHF', expansions: ['reinforcement learning from human feedback'], broader: ['RL'] },
  { acronym: 'RLAIF', expansions: ['reinforcement learning from AI feedback'], broader: ['RL'] },
  { acronym: 'RLVR', expansions: ['reinforcement learning with verifiable rewards'], broader: ['RL'] },
  { acronym: 'MARL', expansions: ['multi-agent reinforcement learning'], broader: ['RL'] },
  { acronym: 'PPO', expansions: ['proximal policy optimization'], broader: ['RL'] },
  { acronym: 'GRPO', expansions: ['group relative policy optimization'], broader: ['RL'] },
  { acronym: 'DPO', expansions: ['direct preference optimization'] },
  { acronym: 'PRM', expansions: ['process reward model'], broader: ['reward model'] },
  { acronym: 'ORM', expansions: ['outcome reward model'], broader: ['reward model'] },
  { acronym: 'RAG', expansions: ['retrieval-augmented generation'], wordLike: true },
  { acronym: 'MoE', expansions: ['mixture of experts'], wordLike: true },
  { acronym: 'SFT', expansions: ['supervised fine-tuning'] },
  { acronym: 'PEFT', expansions: ['parameter-efficient fine-tuning'] },
  { acronym: 'LoRA', expansions: ['low-rank adaptation'], wordLike: true },
  { acronym: 'ViT', expansions: ['vision transformer'], wordLike: true },
  { acronym: 'DiT', expansions: ['diffusion transformer'], wordLike: true },
  { acronym: 'GAN', expansions: ['generative adversarial network'] },
  { acronym: 'VAE', expansions: ['variational autoencoder'] },
  { acronym: 'SAE', expansions: ['sparse autoencoder'] },
  { acronym: 'DDPM', expansions: ['denoising diffusion probabilistic model'] },
  { acronym: 'NeRF', expansions: ['neural radiance field'], wordLike: true },
  { acronym: '3DGS', expansions: ['3D Gaussian splatting'] },
  { acronym: 'CoT', expansions: ['chain of thought'], wordLike: true },
  { acronym: 'ICL', expansions: ['in-context learning'] },
  { acronym: 'KD', expansions: ['knowledge distillation'] },
  { acronym: 'GNN', expansions: ['graph neural network'] },
  { acronym: 'GCN', expansions: ['graph convolutional network'], broader: ['GNN'] },
  // "gate", "gates", "gating" stem to gat: 183 of 211 corpus words read as GAT were gates.
  { acronym: 'GAT', expansions: ['graph attention network'], broader: ['GNN'], wordLike: true },
  { acronym: 'RecSys', expansions: ['recommender system', 'recommendation system'] },
  { acronym: 'CNN', expansions: ['convolutional neural network'] },
  { acronym: 'RNN', expansions: ['recurrent neural network'] },
  { acronym: 'LSTM', expansions: ['long short-term memory'] },
  { acronym: 'SSM', expansions: ['state space model'] },
  { acronym: 'MLP', expansions: ['multilayer perceptron'] },
  { acronym: 'NAS', expansions: ['neural architecture search'] },
  { acronym: 'NLP', expansions: ['natural language processing'] },
  { acronym: 'NER', expansions: ['named entity recognition'] },
  { acronym: 'ASR', expansions: ['automatic speech recognition'] },
  { acronym: 'TTS', expansions: ['text-to-speech'] },
  { acronym: 'OCR', expansions: ['optical character recognition'] },
  { acronym: 'VQA', expansions: ['visual question answering'] },
  // Lower-case "kg" in a paper is kilograms ("a 5 kg payload").
  { acronym: 'KG', expansions: ['knowledge graph'], wordLike: true },
  { acronym: 'MCTS', expansions: ['Monte Carlo tree search'] },
  { acronym: 'OOD', expansions: ['out-of-distribution'] },
  { acronym: 'SLAM', expansions: ['simultaneous localization and mapping'], wordLike: true },
  { acronym: 'AGI', expansions: ['artificial general intelligence'] },
];

/** Pairs written joined, hyphenated or spaced ("fine-tuning", "finetuning", "fine tuning"):
 * the first word (as written) joins the next stem. A null list joins any next word. */
export const COMPOUND_PREFIXES: Readonly<Record<string, readonly string[] | null>> = {
  pre: null,
  post: null,
  multi: null,
  semi: null,
  non: null,
  self: null,
  fine: ['tun', 'grain'],
  zero: ['shot'],
  few: ['shot'],
  one: ['shot'],
  cross: ['lingual', 'modal', 'domain', 'attention', 'entropy'],
  meta: ['learn'],
};

/** Words a paper writes for the reader's word inside a phrase, interchangeably: a topic
 * "test-time scaling" is written "inference-time scaling" just as often. Each group's phrases
 * stand for one another wherever one appears in a topic's phrase. */
export const INTERCHANGEABLE: readonly (readonly string[])[] = [['test-time', 'inference-time']];
