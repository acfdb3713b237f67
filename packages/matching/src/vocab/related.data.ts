// The maintained related-concepts vocabulary: for a topic readers commonly follow, the specific
// terms and sub-fields its papers use instead of the topic's own words, each with a weight, and
// the "traps": phrases that use the topic's words in another sense. Versioned data like the alias
// table; change it with a test or an evaluation figure that shows why.
//
// Weights are evidence per mention: 1 = a synonym (one mention is enough), 0.5 = a strong sign
// (two mentions, or one in the title), 0.34 = a weak sign (three mentions, or the title and one
// more). A title mention counts twice. A paper matches on related terms alone when its evidence
// reaches 1, and always ranks below a paper that names the topic itself.
//
// `topics` are the ways readers type the concept (compared by normalised key). A trap drops any
// occurrence (of the topic or of a related term) that it overlaps: "reaction-diffusion models"
// is not about diffusion models, "speech emotion recognition" is not speech recognition.
export interface RelatedConcept {
  topics: string[];
  related: Record<string, number>;
  traps?: string[];
}

export const RELATED_VOCABULARY_VERSION = 1;

export const RELATED_CONCEPTS: readonly RelatedConcept[] = [
  {
    topics: ['diffusion models', 'diffusion', 'denoising diffusion', 'score-based generative models', 'DDPM'],
    related: {
      'latent diffusion': 1, 'diffusion-based': 1, 'denoising diffusion': 1, 'video diffusion': 1,
      'image diffusion': 1, 'diffusion transformer': 1, 'diffusion policy': 1, 'diffusion prior': 1,
      'diffusion sampling': 1, 'stable diffusion': 1, 'diffusion framework': 1, 'diffusion model-based': 1,
      'DDIM': 1, 'score-based': 0.5, 'diffusion': 0.5, 'denoising': 0.34, 'flow matching': 0.34,
      'masked diffusion': 1, 'discrete diffusion': 1, 'diffusion language model': 1,
    },
    traps: [
      'diffusion tensor', 'diffusion MRI', 'diffusion weighted', 'reaction diffusion', 'diffusion coefficient',
      'information diffusion', 'anomalous diffusion', 'diffusion equation', 'heat diffusion', 'diffusion maps',
      'diffusion kurtosis', 'diffusion limited', 'innovation diffusion', 'diffusion of innovations', 'rumor diffusion',
      'diffusion imaging', 'graph diffusion', 'diffusion wavelets', 'neural diffusion', 'diffusion barrier',
    ],
  },
  {
    topics: ['recommender systems', 'recommendation', 'recommender', 'recommendation systems', 'RecSys', 'recommendations'],
    related: {
      recommender: 1, 'collaborative filtering': 1, 'click-through rate': 1, 'CTR prediction': 1,
      'sequential recommendation': 1, 'user-item': 1, 'item recommendation': 1, 'personalized recommendation': 1,
      'generative recommendation': 1, 'news recommendation': 1, 'top-k recommendation': 1, 'recommendation model': 1,
      'product recommendation': 1, 'next-item': 1, 'music recommendation': 1, 'conversational recommendation': 1,
      'recommendation': 0.34, 'ranking model': 0.34, 'e-commerce': 0.34, 'user behavior': 0.34,
    },
    traps: [
      'action recommendation', 'policy recommendation', 'practical recommendation', 'design recommendation',
      'actionable recommendation', 'clinical recommendation', 'treatment recommendation', 'recommendations for future',
    ],
  },
  {
    topics: ['speech recognition', 'ASR', 'automatic speech recognition', 'speech-to-text'],
    related: {
      'speech-to-text': 1, 'word error rate': 0.5, 'speech transcription': 0.5, 'speech recognizer': 1,
      transcription: 0.2, WER: 0.34, Whisper: 0.5, 'acoustic model': 0.5, 'spoken language': 0.34,
      'audio transcription': 1,
    },
    traps: [
      'emotion recognition', 'speaker recognition', 'speech emotion', 'music transcription', 'speaker verification',
      'speech act', 'hate speech', 'free speech', 'part-of-speech', 'parts of speech', 'figure of speech',
      'character recognition', 'OCR', 'handwriting recognition', 'text recognition', 'face recognition', 'action recognition',
      'gesture recognition', 'activity recognition', 'image recognition', 'object recognition',
    ],
  },
  {
    topics: ['LoRA', 'low-rank adaptation', 'LoRA fine-tuning', 'low-rank adapters'],
    related: {
      'low-rank adapter': 1, QLoRA: 1, DoRA: 1, 'low-rank fine-tuning': 1, 'low-rank update': 0.5, 'LoRA-based': 1,
      PEFT: 0.5,
    },
  },
  {
    topics: ['autonomous driving', 'self-driving', 'self-driving cars', 'autonomous vehicles', 'end-to-end driving', 'driving'],
    related: {
      'self-driving': 1, 'autonomous vehicle': 1, 'driving scene': 1, 'driving scenario': 1, nuScenes: 1, Waymo: 1,
      CARLA: 1, 'ego vehicle': 1, 'ego-vehicle': 1, ADAS: 1, 'driver assistance': 1, 'end-to-end driving': 1,
      'driving policy': 1, 'driving': 0.34, 'trajectory prediction': 0.34, 'motion planning': 0.34,
      'bird-eye view': 0.5, "bird's-eye view": 0.5, BEV: 0.5, lidar: 0.5, vehicle: 0.2, traffic: 0.2,
      'occupancy prediction': 0.5, 'KITTI': 1,
    },
    traps: ['driving force', 'driving factor', 'data-driven'],
  },
  {
    topics: ['protein design', 'de novo protein design', 'protein engineering', 'protein generation', 'protein generative models'],
    related: {
      'de novo protein': 1, 'binder design': 1, 'protein generation': 1, 'protein engineering': 1,
      'inverse folding': 1, 'antibody design': 1, 'enzyme design': 1, 'protein structure generation': 1,
      'designed protein': 1, 'design protein': 1, 'protein sequence design': 1, 'protein backbone': 1,
      RFdiffusion: 1, ProteinMPNN: 1, 'protein language model': 0.34, 'sequence design': 0.5, 'peptide design': 1,
      'generate protein': 1, 'protein generative': 1, enzyme: 0.34, 'protein fitness': 0.5, 'protein folding': 0.34,
      'directed evolution': 0.5,
    },
  },
  {
    topics: ['graph neural networks', 'GNN', 'graph learning', 'geometric deep learning', 'graph representation learning'],
    related: {
      'message passing': 1, 'message-passing': 1, 'graph convolution': 1, 'graph representation learning': 1,
      'node classification': 1, 'graph transformer': 0.5, 'link prediction': 0.5, 'graph learning': 0.5,
      'graph pooling': 1, 'node embedding': 0.5, 'graph classification': 0.5, 'equivariant': 0.34,
      'graph-based': 0.34, 'graph contrastive': 1, 'heterogeneous graph': 0.34, 'over-smoothing': 1,
      oversmoothing: 1,
    },
  },
  {
    topics: [
      'AI for healthcare', 'healthcare AI', 'medical AI', 'AI in healthcare', 'AI for medicine', 'clinical AI', 'healthcare',
      'medical', 'machine learning for healthcare', 'AI for health', 'health AI', 'clinical NLP', 'medical LLM',
      'healthcare LLM', 'medicine', 'clinical machine learning', 'digital health', 'AI in medicine', 'biomedical AI',
    ],
    related: {
      clinical: 0.5, clinician: 1, patient: 0.5, medical: 0.5, healthcare: 1, 'health care': 1, EHR: 1,
      'electronic health record': 1, diagnosis: 0.34, disease: 0.5, ECG: 1, electrocardiogram: 1, EEG: 0.34,
      radiology: 1, radiologist: 1, pathology: 1, histopathology: 1, MRI: 0.5, 'CT scan': 1, 'X-ray': 0.5, tumor: 1,
      tumour: 1, cancer: 0.5, hospital: 1, physician: 1, medicine: 0.5, surgical: 0.5, surgery: 0.5,
      'mental health': 1, biomedical: 0.34, arrhythmia: 1, lesion: 1, 'medical imaging': 1, 'clinical note': 1,
      therapy: 0.5, "Alzheimer's": 1, Alzheimer: 1, diabetes: 1, cardiac: 1, sepsis: 1, health: 0.34, nurse: 1,
      'ICU': 1, 'intensive care': 1, ophthalmology: 1, dermatology: 1, retinal: 0.5, 'chest X-ray': 1,
      mortality: 0.34, symptom: 0.5, 'medical question': 1, 'USMLE': 1, 'MedQA': 1, 'clinical trial': 1,
      genomic: 0.34, 'Parkinson': 1, 'stroke': 0.5, 'epilepsy': 1, 'seizure': 1, 'depression': 0.5, 'autism': 1,
      'ultrasound': 1, 'endoscopy': 1, 'dental': 1, 'wearable': 0.34, 'COVID': 1,
    },
    traps: ['fault diagnosis', 'failure diagnosis', 'error diagnosis', 'bug diagnosis', 'structural health', 'system health', 'model health', 'network health'],
  },
  {
    topics: [
      'AI for science', 'AI4Science', 'scientific machine learning', 'scientific discovery', 'ML for science',
      'AI for scientific discovery', 'science', 'scientific AI', 'machine learning for science', 'AI for physics',
      'AI for chemistry', 'AI for materials',
    ],
    related: {
      'scientific discovery': 1, 'materials discovery': 1, 'material discovery': 1, 'materials science': 1,
      molecule: 0.5, molecular: 0.5, chemistry: 1, chemical: 0.5, 'physics-informed': 1, PINN: 1, PDE: 0.5,
      'partial differential equation': 0.5, climate: 0.5, 'weather forecasting': 1, 'weather prediction': 1,
      protein: 0.5, 'drug discovery': 1, crystal: 0.5, 'quantum chemistry': 1, 'density functional theory': 1,
      'fluid dynamics': 1, 'computational fluid': 1, astronomy: 1, astrophysics: 0.34, genomics: 0.5,
      'single-cell': 1, 'gene expression': 1, scientific: 0.34, 'molecular dynamics': 1, catalyst: 1, biology: 0.5,
      'physical system': 0.5, physics: 0.5, 'scientific literature': 0.5, 'scientist': 0.5, 'AI scientist': 1,
      'research automation': 1, 'hypothesis generation': 1, 'interatomic potential': 1, 'DNA': 0.5, 'cosmology': 1,
      'earth system': 1, 'ocean': 0.5, 'geoscience': 1, 'seismic': 0.5, 'particle physics': 1, 'plasma': 0.5,
      'mathematical discovery': 1, quantum: 0.2, 'biomedical research': 1, antibody: 0.5, aerodynamic: 1, tornado: 1,
      wildfire: 1, connectome: 1, omics: 1, gene: 0.34, astronomical: 1, 'radio astronomy': 1, telescope: 1, galaxy: 1,
      neuroscience: 1, 'earth observation': 0.5, hydrology: 1, 'climate model': 1, 'theorem proving': 0.34, 'lab automation': 1, 'self-driving lab': 1,
      'biological': 0.34,
    },
  },
  {
    topics: ['legal NLP', 'legal AI', 'AI for law', 'legal language models', 'law', 'legal', 'legal tech', 'legal LLM', 'legal reasoning'],
    related: {
      legal: 0.5, court: 0.5, judicial: 1, statute: 1, statutory: 1, 'case law': 1, lawyer: 1, attorney: 1,
      legislation: 1, legislative: 0.5, 'legal document': 1, jurisdiction: 1, law: 0.34, contract: 0.34,
      litigation: 1, 'legal reasoning': 1, 'legal question': 1, jurisprudence: 1, 'criminal': 0.5, 'GDPR': 0.34,
    },
    traps: [
      'smart contract', 'scaling law', 'power law', 'conservation law', 'physical law', 'laws of physics', 'control law',
      'LLM-as-a-judge', 'LLM as a judge', 'LLM judge', 'judge model', 'reward judge', 'AI judge',
    ],
  },
  {
    topics: ['LLM agents', 'AI agents', 'agents', 'agentic AI', 'language agents', 'autonomous agents', 'agentic LLMs', 'agentic'],
    related: {
      agentic: 0.5, 'AI agent': 1, 'autonomous agent': 0.5, 'language agent': 1, 'multi-agent system': 0.34,
      'multi-agent framework': 0.5, 'agent system': 0.5, 'web agent': 1, 'GUI agent': 1, 'function calling': 1, 'tool calling': 1,
      'computer-use agent': 1, 'computer use': 0.5, 'tool use': 0.5, 'tool-use': 0.5, 'deep research': 0.5,
      'LLM-based agent': 1, 'agent framework': 1, 'agent benchmark': 1, 'software agent': 1, 'coding agent': 1,
    },
  },
  {
    topics: ['RAG', 'retrieval-augmented generation', 'retrieval augmented LLMs'],
    related: {
      'retrieval-augmented': 0.5, 'retrieval-enhanced': 1, GraphRAG: 0.5, retriever: 0.5, 'retrieved documents': 0.5,
      'knowledge retrieval': 0.5, 'retrieval-based': 0.5,
    },
  },
  {
    topics: ['mixture of experts', 'MoE', 'sparse experts'],
    related: {
      'expert routing': 1, 'expert parallelism': 1, 'sparse experts': 1, 'gating network': 0.5, 'routed experts': 1,
      'expert selection': 0.5, 'load balancing': 0.34, 'token routing': 1,
    },
  },
  {
    topics: ['RLHF', 'reinforcement learning from human feedback', 'preference alignment', 'alignment'],
    related: {
      'human feedback': 0.34, 'preference optimization': 0.5, DPO: 0.5, 'preference data': 0.34, PPO: 0.34,
      'human preferences': 0.34, 'preference learning': 0.5, RLAIF: 1,
    },
  },
  {
    topics: ['reward models', 'reward modeling', 'reward model'],
    related: {
      verifier: 0.5, 'preference model': 0.5, 'LLM-as-a-judge': 0.5, 'reward hacking': 0.34, 'generative reward': 1,
      'reward function': 0.34, 'Bradley-Terry': 0.5, RewardBench: 1, 'process supervision': 0.5,
    },
  },
  {
    topics: ['knowledge distillation', 'distillation', 'model distillation'],
    related: {
      distillation: 0.34, distill: 0.34, 'teacher model': 0.34, 'student model': 0.34, 'teacher-student': 0.5,
      'on-policy distillation': 1, 'self-distillation': 1,
    },
    traps: ['dataset distillation', 'data distillation', 'consistency distillation', 'score distillation', 'water distillation'],
  },
  {
    topics: ['chain-of-thought', 'CoT', 'chain of thought reasoning', 'reasoning traces'],
    related: {
      'reasoning trace': 0.34, 'step-by-step reasoning': 0.5, 'reasoning chain': 0.5, 'intermediate reasoning': 0.5,
      rationale: 0.34, 'long reasoning': 0.5, 'reasoning steps': 0.5, 'reasoning path': 0.5,
      'test-time reasoning': 0.5,
    },
  },
  {
    topics: ['vision transformers', 'ViT', 'vision transformer'],
    related: {
      Swin: 1, DeiT: 1, 'patch embedding': 0.5, 'image patches': 0.5, 'visual transformer': 1,
      'transformer-based vision': 1,
    },
  },
  {
    topics: ['medical imaging', 'medical image analysis', 'medical image segmentation', 'radiology AI', 'medical images'],
    related: {
      radiology: 1, radiologist: 1, MRI: 0.5, 'CT': 0.5, 'computed tomography': 1, 'X-ray': 0.5, ultrasound: 1,
      histopathology: 1, 'medical image': 1, lesion: 1, tumor: 0.5, tumour: 0.5, fundus: 1, mammography: 1,
      dermoscopy: 1, 'whole slide image': 1, 'whole-slide': 1, 'organ segmentation': 1, 'chest X-ray': 1,
      'CT scan': 1, endoscopy: 1, 'pathology image': 1, 'retinal image': 1, 'brain MRI': 1, 'medical': 0.34,
      'clinical': 0.34,
    },
  },
  {
    topics: ['robot manipulation', 'robotic manipulation', 'manipulation', 'dexterous manipulation', 'robot learning', 'robotics'],
    related: {
      manipulation: 0.34, grasping: 1, grasp: 0.5, dexterous: 0.5, 'pick-and-place': 1, 'robotic arm': 0.5,
      'robot arm': 0.5, VLA: 0.34, 'vision-language-action': 0.34, bimanual: 1, 'end-effector': 0.5, robot: 0.2,
      robotic: 0.2, 'imitation learning': 0.34, teleoperation: 0.5, 'visuomotor': 1, 'gripper': 1, 'tabletop': 0.5,
      'policy learning': 0.34,
    },
    traps: [
      'image manipulation', 'media manipulation', 'data manipulation', 'manipulation detection', 'face manipulation',
      'psychological manipulation', 'market manipulation', 'image editing', 'manipulated images', 'video manipulation',
      'audio manipulation', 'symbolic manipulation', 'text manipulation', 'opinion manipulation',
    ],
  },
  {
    topics: ['time series forecasting', 'time series', 'forecasting', 'time-series forecasting', 'time series analysis'],
    related: {
      forecasting: 0.34, 'time series': 0.2, 'time-series': 0.2, 'multivariate time series': 1,
      'long-term forecasting': 1, 'traffic forecasting': 1, 'load forecasting': 1, 'demand forecasting': 1,
      'temporal forecasting': 1, 'forecast': 0.34, 'sequential data': 0.34, 'time series foundation model': 1,
    },
  },
  {
    topics: ['federated learning', 'FL', 'federated'],
    related: {
      federated: 0.5, FedAvg: 1, 'client drift': 1, 'non-IID': 0.5, 'decentralized learning': 0.5, clients: 0.34,
    },
  },
  {
    topics: ['3D gaussian splatting', 'gaussian splatting', '3DGS', 'neural rendering', 'novel view synthesis'],
    related: {
      'Gaussian splatting': 1, splatting: 1, '2DGS': 1, '4DGS': 1, 'Gaussian primitives': 1, '3D Gaussians': 1,
      'novel view synthesis': 0.5, NeRF: 0.5, 'radiance field': 0.5, 'neural rendering': 0.34,
    },
  },
  {
    topics: ['code generation', 'code LLMs', 'LLMs for code', 'program synthesis', 'coding agents', 'AI for code'],
    related: {
      'code LLM': 1, 'program synthesis': 1, 'code completion': 1, 'SWE-bench': 1, 'software engineering': 0.5,
      code: 0.2, HumanEval: 1, 'repository-level': 1, 'text-to-SQL': 0.5, 'code agent': 0.2, programming: 0.34,
      'code model': 1, 'code repair': 1, 'program repair': 1, 'code generation': 1, 'generated code': 1,
      'LiveCodeBench': 1, 'MBPP': 1, 'software': 0.2, 'unit test': 0.5, 'bug': 0.34,
    },
  },
  {
    topics: ['multimodal LLMs', 'MLLM', 'multimodal large language models', 'vision-language models', 'VLM', 'multimodal models', 'multimodal'],
    related: {
      VLM: 0.34, MLLM: 1, LVLM: 1, 'large vision-language model': 1, 'vision-language': 0.2, multimodal: 0.2,
      'multi-modal': 0.2, 'visual question answering': 0.5, 'multimodal reasoning': 1, 'visual reasoning': 0.34,
      'vision language': 0.5, 'omni-modal': 1, 'large multimodal model': 1, LMM: 1, 'video LLM': 1, 'Video-LLM': 1,
      'video-LMM': 1, 'visual instruction': 1,
    },
  },
  {
    topics: ['quantization', 'model quantization', 'LLM quantization', 'low-bit quantization', 'post-training quantization'],
    related: {
      quantized: 0.5, quantize: 0.5, 'low-bit': 0.5, INT4: 1, INT8: 1, '4-bit': 0.5, '8-bit': 0.5, 'FP8': 0.34,
      'FP4': 1, 'binarization': 0.2, 'mixed-precision': 0.34, 'bit-width': 1, 'GPTQ': 1, 'AWQ': 1,
    },
    traps: ['scalar quantization', 'vector quantization', 'vector quantized', 'VQ-VAE', 'residual quantization', 'quantization noise', 'quantum'],
  },
  {
    topics: ['hallucination', 'hallucinations', 'LLM hallucination', 'factuality'],
    related: {
      hallucinate: 1, hallucinated: 1, factuality: 0.34, faithfulness: 0.34, fabricated: 0.34, 'factual error': 1,
      confabulation: 1, unfaithful: 0.5, 'factual consistency': 1, 'fact-checking': 0.34, 'ungrounded': 0.34,
      'factual accuracy': 0.5,
    },
  },
  {
    topics: ['AI safety', 'LLM safety', 'safety', 'AI alignment', 'jailbreaks', 'red teaming'],
    related: {
      jailbreak: 1, 'red teaming': 1, 'red-teaming': 1, harmful: 0.34, safety: 0.34, 'adversarial prompt': 0.5,
      refusal: 0.5, deceptive: 0.34, deception: 0.34, misalignment: 0.5, guardrail: 1, 'prompt injection': 1,
      backdoor: 0.2, 'unsafe': 0.34, 'misuse': 0.34, 'safety alignment': 1, 'harmlessness': 1, 'toxicity': 0.34,
      'sandbagging': 1, 'reward hacking': 0.5, 'oversight': 0.34, 'dangerous capabilities': 1,
    },
    traps: ['road safety', 'functional safety', 'safety-critical', 'food safety', 'driving safety', 'traffic safety'],
  },
  {
    topics: ['text-to-video', 'video generation', 'text to video generation', 'video diffusion', 'video synthesis'],
    related: {
      'video generation': 1, 'video diffusion': 1, 'video synthesis': 1, 'image-to-video': 1,
      'video generative model': 1, T2V: 1, I2V: 1, 'generated video': 1, 'video generator': 1,
      'video editing': 0.34, 'talking head': 0.34,
    },
  },
  {
    topics: ['machine translation', 'neural machine translation', 'translation', 'MT'],
    related: {
      translation: 0.2, NMT: 1, 'speech translation': 1, BLEU: 0.2, 'low-resource language': 0.2, translate: 0.2, 'parallel corpus': 1, 'parallel data': 0.5, 'translator': 1, 'bilingual': 0.34,
      'source language': 0.34, 'target language': 0.34, 'simultaneous translation': 1,
    },
    traps: [
      'image translation', 'image-to-image translation', 'translation equivariance', 'translation invariance', 'translation invariant',
      'domain translation', 'style translation', 'sim-to-real translation', 'translation equivariant', 'rotation and translation',
      'translational', 'knowledge translation', 'clinical translation', 'scene translation', 'modality translation',
    ],
  },
  {
    topics: ['text-to-image', 'text-to-image generation', 'image generation', 'image synthesis', 'T2I'],
    related: {
      'text-to-image': 1, 'image generation': 1, 'image synthesis': 1, T2I: 1, 'Stable Diffusion': 0.5,
      'image editing': 0.5, 'generated image': 0.5, 'image generator': 1, 'visual generation': 0.5,
    },
  },
  {
    topics: ['world models', 'world model'],
    related: { 'world model': 1, 'world modeling': 1, 'learned simulator': 0.5, 'video prediction': 0.5, 'dynamics model': 0.34 },
  },
  {
    topics: ['state space models', 'SSM', 'Mamba'],
    related: { Mamba: 1, 'selective state space': 1, S4: 1, 'linear recurrence': 0.5, 'linear attention': 0.34, RWKV: 0.5 },
  },
  {
    topics: ['speculative decoding'],
    related: {
      'draft model': 1, 'draft token': 1, 'speculative sampling': 1, 'token tree': 0.5, Medusa: 0.5, 'self-speculative': 1,
      'parallel decoding': 0.5, 'target model': 0.34, 'acceptance rate': 0.5,
    },
  },
  {
    topics: ['LLM inference', 'efficient inference', 'inference acceleration', 'LLM serving'],
    related: {
      'speculative decoding': 1, 'KV cache': 0.5, 'inference latency': 0.5, throughput: 0.34, 'inference efficiency': 1,
      'decoding speed': 1, serving: 0.34, 'inference acceleration': 1,
    },
  },
  {
    topics: ['model merging', 'model merge'],
    related: { 'model merging': 1, 'merged model': 1, 'task arithmetic': 1, 'weight averaging': 0.5, 'merging': 0.34 },
  },
  {
    topics: ['long context', 'long-context LLMs', 'long context modeling'],
    related: { 'long-context': 1, 'context length': 0.5, 'context window': 0.5, 'long sequence': 0.34, 'needle-in-a-haystack': 1 },
  },
  {
    topics: ['interpretability', 'mechanistic interpretability', 'explainable AI', 'XAI', 'explainability'],
    related: {
      interpretability: 1, explainability: 1, 'sparse autoencoder': 1, SAE: 0.5, circuit: 0.34, 'feature attribution': 1,
      saliency: 0.5, probing: 0.5, 'linear probe': 1, explanation: 0.34, interpretable: 0.5, 'mechanistic': 1,
    },
  },
  {
    topics: ['continual learning', 'lifelong learning', 'catastrophic forgetting', 'incremental learning'],
    related: {
      'continual learning': 1, 'lifelong learning': 1, 'catastrophic forgetting': 1, 'class-incremental': 1,
      'incremental learning': 1, forgetting: 0.5, 'replay buffer': 0.34, 'continual': 0.5,
    },
  },
  {
    topics: ['mathematical reasoning', 'math reasoning', 'math'],
    related: {
      'mathematical reasoning': 1, 'math reasoning': 1, GSM8K: 1, MATH500: 1, 'AIME 2024': 1, 'AIME 2025': 1, 'math problem': 1,
      olympiad: 0.5, 'theorem proving': 0.5, 'mathematical problem': 1, 'competition math': 1, 'math benchmark': 1,
    },
  },
  {
    topics: ['LLM reasoning', 'reasoning', 'reasoning models', 'large reasoning models'],
    related: {
      'reasoning model': 1, LRM: 1, 'reasoning ability': 0.34, 'reasoning capabilities': 0.34, 'chain-of-thought': 0.5,
      'test-time scaling': 0.5, 'long reasoning': 0.5, 'reasoning trace': 0.5,
    },
  },
  {
    topics: ['reinforcement learning', 'RL', 'deep reinforcement learning'],
    related: {
      'policy gradient': 1, 'actor-critic': 1, 'Q-learning': 1, 'reward function': 0.5, 'policy optimization': 0.5,
      'Markov decision process': 1, MDP: 1, 'offline RL': 1, 'value function': 0.5, 'exploration': 0.2,
    },
  },
  {
    topics: ['object detection', 'detection'],
    related: {
      'object detection': 1, detector: 0.5, 'bounding box': 1, YOLO: 1, 'open-vocabulary detection': 1, 'DETR': 1, COCO: 0.34,
    },
  },
  {
    topics: ['semantic segmentation', 'image segmentation', 'segmentation'],
    related: {
      'semantic segmentation': 1, 'instance segmentation': 1, 'panoptic segmentation': 1, 'segmentation mask': 1,
      'Segment Anything': 1, 'pixel-level': 0.34, segmentation: 0.5,
    },
  },
  {
    topics: ['3D reconstruction', '3D vision', 'multi-view reconstruction'],
    related: {
      '3D reconstruction': 1, 'multi-view stereo': 1, 'structure from motion': 1, 'depth estimation': 0.5, 'point cloud': 0.34,
      'surface reconstruction': 1, 'mesh reconstruction': 1, 'novel view synthesis': 0.5, NeRF: 0.5, '3DGS': 0.5,
    },
  },
  {
    topics: ['drug discovery', 'molecular generation', 'molecule generation', 'AI for drug discovery'],
    related: {
      'drug discovery': 1, 'molecule generation': 1, 'molecular generation': 1, 'drug design': 1, 'binding affinity': 1,
      'protein-ligand': 1, ligand: 0.5, 'virtual screening': 1, docking: 0.5, molecule: 0.34, 'drug-target': 1, ADMET: 1,
    },
  },
  {
    topics: ['remote sensing', 'satellite imagery', 'earth observation'],
    related: {
      'remote sensing': 1, satellite: 0.5, 'aerial image': 1, 'earth observation': 1, hyperspectral: 1,
      'land cover': 1, 'UAV': 0.34,
    },
  },
  {
    topics: ['speech synthesis', 'text-to-speech', 'TTS', 'voice cloning'],
    related: {
      'speech synthesis': 1, 'text-to-speech': 1, TTS: 1, 'voice cloning': 1, vocoder: 1, 'synthesized speech': 1,
      'speech generation': 1, 'zero-shot TTS': 1, prosody: 0.5,
    },
  },
  {
    topics: ['music generation', 'audio generation', 'music'],
    related: {
      'music generation': 1, 'audio generation': 1, 'text-to-audio': 1, 'text-to-music': 1, 'symbolic music': 1,
      'sound generation': 1, 'music': 0.5, 'audio synthesis': 1,
    },
  },
  {
    topics: ['information retrieval', 'dense retrieval', 'search', 'retrieval'],
    related: {
      'dense retrieval': 1, 'information retrieval': 1, retriever: 1, reranking: 1, reranker: 1, 'passage retrieval': 1,
      'document retrieval': 1, 'search engine': 0.5, BM25: 0.5, 'query': 0.2, retrieval: 0.5,
    },
  },
  {
    topics: ['summarization', 'text summarization', 'abstractive summarization'],
    related: { summarization: 1, summary: 0.34, summaries: 0.34, 'abstractive': 0.5, 'extractive': 0.34, summarize: 0.5 },
  },
  {
    topics: ['question answering', 'QA', 'open-domain QA'],
    related: {
      'question answering': 1, 'multi-hop': 0.5, 'open-domain': 0.5, HotpotQA: 1, 'answer questions': 0.5, 'QA': 0.5,
    },
  },
  {
    topics: ['adversarial robustness', 'adversarial attacks', 'adversarial examples'],
    related: {
      'adversarial attack': 1, 'adversarial example': 1, 'adversarial robustness': 1, 'adversarial training': 1,
      'adversarial perturbation': 1, robustness: 0.2, 'certified robustness': 1,
    },
  },
  {
    topics: ['fairness', 'bias', 'algorithmic fairness', 'AI fairness'],
    related: {
      fairness: 1, 'social bias': 1, 'gender bias': 1, 'demographic': 0.5, 'debiasing': 1, discrimination: 0.5,
      stereotype: 1, 'equitable': 0.5, 'bias mitigation': 1,
    },
  },
  {
    topics: ['privacy', 'differential privacy', 'privacy-preserving machine learning'],
    related: {
      'differential privacy': 1, 'differentially private': 1, 'privacy-preserving': 1, 'membership inference': 1,
      'privacy leakage': 1, privacy: 0.5, 'data leakage': 0.34, unlearning: 0.34,
    },
  },
  {
    topics: ['anomaly detection', 'outlier detection', 'out-of-distribution detection'],
    related: {
      'anomaly detection': 1, 'outlier detection': 1, 'OOD detection': 1, 'out-of-distribution detection': 1,
      anomaly: 0.5, anomalies: 0.5, 'novelty detection': 1, 'fault detection': 0.5,
    },
  },
  {
    topics: ['embodied AI', 'embodied agents', 'vision-language navigation', 'robot navigation'],
    related: {
      embodied: 0.5, 'embodied agent': 1, 'vision-language navigation': 1, VLN: 1, navigation: 0.34, 'habitat': 0.34,
      'robot': 0.2, 'sim-to-real': 0.5, 'vision-language-action': 0.5, VLA: 0.5,
    },
  },
  {
    topics: ['tokenization', 'tokenizer', 'tokenizers'],
    related: { tokenizer: 1, tokenization: 1, 'byte-pair encoding': 1, BPE: 1, vocabulary: 0.34, 'subword': 0.5 },
  },
  {
    topics: ['synthetic data', 'data generation', 'data augmentation'],
    related: {
      'synthetic data': 1, 'data synthesis': 1, 'synthetic dataset': 1, 'data augmentation': 0.5, 'generated data': 0.5,
      'data generation pipeline': 1, 'synthetic examples': 1,
    },
  },
  {
    topics: ['pruning', 'model compression', 'network pruning', 'sparsity'],
    related: {
      pruning: 1, pruned: 1, 'model compression': 1, sparsification: 1, 'structured pruning': 1, 'weight pruning': 1,
      compression: 0.34, sparsity: 0.5, 'low-rank': 0.2, quantization: 0.34,
    },
  },
];

/** Topics "AI/ML/LLM for X": the generic head says nothing, the domain word X is the concept. */
export const GENERIC_HEADS: readonly string[] = [
  'AI', 'artificial intelligence', 'machine learning', 'ML', 'deep learning', 'LLM', 'NLP', 'language model',
  'neural network', 'foundation model', 'generative AI', 'data science', 'applications', 'application',
];

/** Terms written as one hyphenated compound: a topic that is one of them matches only the words
 * together ("text-to-audio model to video" or "text and video" are not text-to-video). */
export const FIXED_COMPOUNDS: readonly string[] = [
  'text-to-video', 'text-to-image', 'text-to-speech', 'text-to-audio', 'text-to-music', 'text-to-3D', 'text-to-SQL',
  'image-to-video', 'image-to-image', 'image-to-3D', 'speech-to-text', 'speech-to-speech', 'video-to-audio',
  'sim-to-real', 'end-to-end', 'state-of-the-art', 'sequence-to-sequence', 'vision-language-action',
];
