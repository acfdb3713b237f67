import { makePaper } from '../testing/paper.factory';
import type { MatchablePaper } from '../types';
import { normalizeTopic } from '../topic/normalize-topic';
import { matchPapers } from './match-papers';
import { buildTopicIndex } from './topic-index';

function matchesOf(topic: string, papers: MatchablePaper[]) {
  return matchPapers(buildTopicIndex([topic]), papers).get(normalizeTopic(topic).key) ?? [];
}
const ids = (topic: string, papers: MatchablePaper[]): number[] =>
  matchesOf(topic, papers)
    .map((m) => m.paperId)
    .sort((a, b) => a - b);

describe('matchPapers: proximity', () => {
  it('when a noun or an acronym sits inside the phrase, then the topic matches, below the exact phrase', () => {
    const inserted = makePaper({ abstract: 'We study protein sequence design with language models.' });
    const exact = makePaper({ abstract: 'We study protein design with language models.' });
    const list = matchesOf('protein design', [inserted, exact]);
    expect(list.map((m) => m.paperId)).toEqual([exact.id, inserted.id]);
    expect(list[1]!.reason.matched).toEqual(['protein sequence design']);
  });

  it('when a parenthesised acronym splits the phrase, then it still matches', () => {
    const paper = makePaper({
      title: 'Graph neural network (GNN) recommenders for retail',
      abstract: 'We build them.',
    });
    expect(ids('GNN recommenders', [paper])).toEqual([paper.id]);
  });

  it('when the words are in different clauses or too far apart, then it does not match', () => {
    const far = makePaper({
      abstract: 'Protein folding is hard because the search over many conformations and the design space is huge.',
    });
    const clause = makePaper({ abstract: 'We analyse protein, and design a new sampler.' });
    expect(ids('protein design', [far, clause])).toEqual([]);
  });

  it('when the topic is quoted, then no word may sit inside', () => {
    const inserted = makePaper({ abstract: 'We study protein sequence design.' });
    expect(ids('"protein design"', [inserted])).toEqual([]);
  });
});

describe('matchPapers: traps', () => {
  it.each([
    [
      'diffusion models',
      'Reaction-Diffusion Models of Vegetation Stripes',
      'We study reaction-diffusion models of patterns.',
    ],
    [
      'diffusion models',
      'Diffusion tensor imaging models of white matter',
      'Diffusion tensor imaging models the brain.',
    ],
    ['speech recognition', 'Speech emotion recognition with self-supervised features', 'We classify speech emotion.'],
    [
      'robot manipulation',
      'Detecting image manipulation in news photos',
      'Image manipulation detection with forensic cues.',
    ],
    // The trap "attack success rate ASR" takes the acronym where a paper defines it in brackets.
    [
      'ASR',
      'Role-play jailbreaks of aligned chat models',
      'Role-play prompts raise the attack success rate (ASR) of jailbreaks on aligned models.',
    ],
  ])('when a paper uses the words of "%s" in another sense (%s), then it does not match', (topic, title, abstract) => {
    expect(ids(topic, [makePaper({ title, abstract })])).toEqual([]);
  });

  it('when a paper has the trap and, elsewhere, the topic itself, then it matches', () => {
    const paper = makePaper({ abstract: 'We denoise diffusion tensor imaging scans with diffusion models.' });
    expect(ids('diffusion models', [paper])).toEqual([paper.id]);
  });
});

describe('matchPapers: related concepts', () => {
  const clinical = makePaper({
    title: 'Summarising clinical notes with small language models',
    abstract: 'We summarise clinical notes from the ICU and detect ECG arrhythmia in patients.',
  });
  const generic = makePaper({ title: 'Small language models summarise news', abstract: 'We summarise news articles.' });
  const direct = makePaper({
    title: 'AI for healthcare: a benchmark',
    abstract: 'We benchmark AI for healthcare tasks.',
  });

  it('when a broad domain topic meets papers in its vocabulary, then they match with a "related to" reason', () => {
    const [match] = matchesOf('AI for healthcare', [clinical, generic]);
    expect(match?.paperId).toBe(clinical.id);
    expect(match?.reason.kind).toBe('related');
    expect(match?.reason.text).toMatch(/^Related to AI for healthcare: 'clinical notes', 'ECG', 'arrhythmia'/);
  });

  it('when one paper names the topic and another only its domain, then the one naming it ranks first', () => {
    const list = matchesOf('AI for healthcare', [clinical, direct]);
    expect(list.map((m) => m.paperId)).toEqual([direct.id, clinical.id]);
    expect(list[0]!.reason.kind).toBeUndefined();
  });

  it('when a domain topic is not in the vocabulary, then its domain word, said twice, is the evidence ("AI for agriculture")', () => {
    const crops = makePaper({
      title: 'Agriculture yield prediction from satellite images',
      abstract: 'We predict yields for agriculture.',
    });
    const other = makePaper({ title: 'Satellite images', abstract: 'Cloud removal for satellite images.' });
    expect(ids('AI for agriculture', [crops, other])).toEqual([crops.id]);
  });

  it('when a paper says only "ASR", then it is speech recognition where it also says "speech", and never where ASR is an attack success rate', () => {
    // "speech recognition" sits inside ASR's expansion, so the acronym alone never named it.
    const asr = makePaper({
      title: 'Streaming ASR for meetings',
      abstract: 'We lower the ASR error rate on conversational speech of overlapping talkers.',
    });
    const attack = makePaper({
      title: 'Role-play jailbreaks of aligned chat models',
      abstract: 'Role-play prompts raise the attack success rate (ASR) of jailbreaks. The ASR doubles on every model.',
    });
    const otherAcronym = makePaper({
      title: 'ASR: augmentation-sensitivity risk scores for chest X-ray models',
      abstract: 'ASR flags overconfident failures of CXR classifiers; ASR needs no labels.',
    });
    expect(ids('speech recognition', [asr, attack, otherAcronym])).toEqual([asr.id]);
    // Narrowed by a head, the term keeps its own word: a diffusion jailbreak's ASR is no speech.
    const diffusionAttack = makePaper({
      title: 'Jailbreaking text-to-image diffusion models: ASR above 90%',
      abstract: 'Our prompts reach a high ASR on diffusion models; the ASR holds under filters.',
    });
    expect(ids('diffusion models for speech recognition', [diffusionAttack])).toEqual([]);
  });

  it('when a paper mentions a weak related term once, then that alone is not enough', () => {
    const once = makePaper({ abstract: 'We discuss a patient approach to optimisation of solvers.' });
    expect(ids('AI for healthcare', [once])).toEqual([]);
  });

  it('when a reader adds a filler word to a concept ("speech recognition models"), then the concept applies and its bare name is the topic', () => {
    const bare = makePaper({
      title: 'Streaming speech recognition for meetings',
      abstract: 'We improve speech recognition of overlapping talkers.',
    });
    const asr = makePaper({
      title: 'Whisper-style ASR for low-resource languages',
      abstract: 'Our ASR system lowers the word error rate on five languages.',
    });
    const other = makePaper({ title: 'Speech synthesis for meetings', abstract: 'We synthesise speech.' });
    expect(ids('speech recognition models', [bare, asr, other])).toEqual([bare.id, asr.id]);
    expect(matchesOf('speech recognition models', [bare])[0]!.reason.text).toMatch(
      /^Because you follow speech recognition models: 'speech recognition'/,
    );
    // Typed as another of the concept's names, its main name is the topic too, named as strictly.
    const moe = makePaper({ title: 'Routing tokens in a mixture of experts', abstract: 'We balance expert load.' });
    const passing = makePaper({
      title: 'Serving large models',
      abstract: 'We batch requests. We cache results. We shard weights. It also helps mixture of experts layers.',
    });
    expect(ids('sparse mixture of experts', [moe, passing])).toEqual([moe.id]);
    expect(matchesOf('sparse mixture of experts', [moe])[0]!.reason.kind).toBeUndefined();
    // One plain word left is not the topic alone ("translate" the plan); the concept's main name is.
    const plan = makePaper({ title: 'We translate task plans into robot code', abstract: 'Plans translate to code.' });
    const mt = makePaper({ title: 'Machine translation for Gujarati', abstract: 'We improve machine translation.' });
    expect(ids('translation models', [plan, mt])).toEqual([mt.id]);
    // A filler word inside a concept's own name is no filler: "world models" is not "world".
    const world = makePaper({ title: 'The world of trade', abstract: 'Trade around the world grows.' });
    expect(ids('world models', [world])).toEqual([]);
  });

  it("when a reader types a concept's words in another order or form, then its names are the topic", () => {
    const vit = makePaper({ title: 'Pruning tokens in vision transformers', abstract: 'We speed up ViT inference.' });
    const other = makePaper({ title: 'Transformers for text ranking', abstract: 'We rank passages.' });
    expect(ids('transformers for vision', [vit, other])).toEqual([vit.id]);
    const protein = makePaper({ title: 'Diffusion for protein design', abstract: 'We generate binders.' });
    expect(ids('designing proteins', [protein])).toEqual([protein.id]);
    // Joined by a word that adds nothing: "agents built on LLMs", "LLM-powered agents".
    const agent = makePaper({ title: 'LLM agents that browse', abstract: 'Our agent plans web tasks.' });
    const power = makePaper({ title: 'Power grids under load', abstract: 'Agents bid for electricity.' });
    expect(ids('agents built on large language models', [agent, power])).toEqual([agent.id]);
    expect(ids('LLM-powered agents', [agent, power])).toEqual([agent.id]);
    // The verb's form of a noun that stems apart: "recognizing" / "recognition".
    const asr = makePaper({ title: 'Streaming speech recognition on device', abstract: 'We cut latency.' });
    expect(ids('recognizing speech', [asr])).toEqual([asr.id]);
    // A research word left alone names nothing: "LLM evaluation" is not every benchmark paper.
    const benchmark = makePaper({ title: 'A benchmark for chart reading', abstract: 'We evaluate vision models.' });
    expect(ids('LLM evaluation', [benchmark])).toEqual([]);
  });
});

describe('matchPapers: what a paper is about', () => {
  const filler = 'We describe the setting. We collect data. We train models. We report results.';

  it('when the topic is named once, late in the abstract, then it is a passing mention and does not match', () => {
    const passing = makePaper({ title: 'Faster sorting networks', abstract: `${filler} We also compare with LoRA.` });
    const subject = makePaper({ title: 'Faster sorting networks', abstract: `We adapt models with LoRA. ${filler}` });
    expect(ids('LoRA', [passing, subject])).toEqual([subject.id]);
  });

  it('when the topic is named in the title, then one mention is enough', () => {
    const titled = makePaper({ title: 'LoRA for sorting networks', abstract: filler });
    expect(ids('LoRA', [titled])).toEqual([titled.id]);
  });

  it("when the topic's words stand close in another order, then it matches as related", () => {
    const paper = makePaper({
      title: 'Agents that plan',
      abstract:
        'We build agents on large language models. The agents use large language models to plan trips. ' +
        'Agents driven by large language models book them.',
    });
    const [match] = matchesOf('LLM agents', [paper]);
    expect(match?.reason.kind).toBe('related');
  });
});

describe('matchPapers: fixed compounds', () => {
  it('when the topic is a compound such as "text-to-video", then its words apart do not match, together they do', () => {
    const apart = makePaper({
      title: 'Aligning a frozen text-to-audio model to video',
      abstract: 'Text and video are aligned.',
    });
    const together = makePaper({ title: 'Text-to-video generation at scale', abstract: 'We generate videos.' });
    expect(ids('text-to-video', [apart, together])).toEqual([together.id]);
  });
});

describe('matchPapers: a topic as one item of a list', () => {
  it('when the topic is one task in a list of evaluations, then that mention is not enough; as the subject it is', () => {
    const listed = makePaper({
      title: 'Adaptive test-time search',
      abstract: 'We improve math, code generation, and question answering.',
    });
    const subject = makePaper({
      title: 'Adaptive test-time search',
      abstract: 'We improve code generation with test-time search.',
    });
    expect(ids('code generation', [listed, subject])).toEqual([subject.id]);
  });
});

describe('matchPapers: senses the vocabulary keeps apart', () => {
  it('when a paper is on spike proteins, then a spiking-neural-networks reader does not get it', () => {
    const spikes = makePaper({
      title: 'Embedding COVID-19 spike sequences',
      abstract: 'We hash spike protein sequences into vectors. A neural network then classifies the spike variants.',
    });
    const snn = makePaper({ title: 'Spiking neural networks on chips', abstract: 'We train spiking neural networks.' });
    expect(ids('spiking neural networks', [spikes, snn])).toEqual([snn.id]);
  });

  it('when a paper explains predictions with SHAP, then a mechanistic-interpretability reader does not get it; circuits do', () => {
    const shap = makePaper({
      title: 'Interpretable credit scoring',
      abstract: 'We make credit models interpretable. SHAP explanations improve interpretability for analysts.',
    });
    const circuits = makePaper({
      title: 'Finding induction heads',
      abstract: 'We use activation patching and sparse autoencoders to locate induction heads in transformers.',
    });
    expect(ids('mechanistic interpretability', [shap, circuits])).toEqual([circuits.id]);
  });

  it('when a paper speaks of gates or gating, then a graph-neural-network reader does not get it; a GAT does', () => {
    const gates = makePaper({
      title: 'Residual gates for logic gate networks',
      abstract: 'Gating decides which layers run. Our gates skip compute in transformers.',
    });
    const gat = makePaper({
      title: 'A GAT for molecule property prediction',
      abstract: 'Graph attention networks weigh neighbours. Our GAT predicts solubility.',
    });
    expect(ids('graph neural networks', [gates, gat])).toEqual([gat.id]);
  });

  it('when an unlearning paper speaks of forgetting, then forgetting alone does not make it continual learning', () => {
    const unlearning = makePaper({
      title: 'Stable forgetting for unlearning',
      abstract: 'The model must forget the forget set. Forgetting is measured on held-out data. We bound forgetting.',
    });
    expect(ids('continual learning', [unlearning])).toEqual([]);
  });
});

describe('matchPapers: "AI for X" domains', () => {
  it('when X is research vocabulary such as "evaluation", then a paper that merely evaluates something does not match', () => {
    const evaluation = makePaper({
      title: 'Evaluation of shoulder presentation',
      abstract: 'We propose an evaluation of photos. The evaluation uses a quantitative score.',
    });
    expect(ids('LLM evaluation', [evaluation])).toEqual([]);
  });

  it('when the head is the subject ("medical LLMs"), then the field\'s papers match only beside an LLM', () => {
    const segmentation = makePaper({
      title: 'Tumor segmentation for clinical MRI',
      abstract: 'We segment tumors in clinical MRI of patients. Clinicians rate the masks.',
    });
    const assistant = makePaper({
      title: 'A clinical assistant for patients',
      abstract: 'We fine-tune large language models on clinical notes. Clinicians rate the answers to patients.',
    });
    expect(ids('medical LLMs', [segmentation, assistant])).toEqual([assistant.id]);
    // The reason names the subject the field's words needed, not only the field's words.
    expect(matchesOf('medical LLMs', [assistant])[0]!.reason.matched[0]).toBe('large language models');
    expect(ids('AI for healthcare', [segmentation, assistant])).toEqual([segmentation.id, assistant.id]);
  });

  it('when a known concept heads the topic ("GNNs for drug discovery"), then the field\'s papers match only beside it', () => {
    const screening = makePaper({
      title: 'Virtual screening of kinase inhibitors',
      abstract:
        'We rank candidate molecules by predicted binding affinity. A graph neural network encodes each ligand.',
    });
    const docking = makePaper({
      title: 'Faster docking for lead optimization',
      abstract: 'We rank candidate molecules by predicted binding affinity with a physics-based scoring function.',
    });
    expect(ids('GNNs for drug discovery', [screening, docking])).toEqual([screening.id]);
    expect(matchesOf('GNNs for drug discovery', [screening])[0]!.reason.kind).toBe('related');
  });

  it('when the words after a known concept name no field ("diffusion generative models"), then the concept inside still counts', () => {
    const paper = makePaper({
      title: 'Latent diffusion for protein backbones',
      abstract: 'We train a diffusion model on backbones. Denoising diffusion samples designable folds.',
    });
    expect(ids('diffusion generative models', [paper])).toEqual([paper.id]);
    // After a modifier the concept is narrowed: diffusion papers in general are not "educational".
    expect(ids('educational diffusion models', [paper])).toEqual([]);
  });

  it('when a reader adds "new" to a concept\'s words ("designing new proteins"), then it is the concept', () => {
    const binder = makePaper({ title: 'Protein design with diffusion', abstract: 'We design binders.' });
    expect(ids('designing new proteins', [binder])).toEqual([binder.id]);
  });

  it('when a paper writes the field before its subject ("video diffusion models"), then it names "diffusion models for video"', () => {
    const video = makePaper({ title: 'Sparse attention for video diffusion models', abstract: 'We skip blocks.' });
    const [match] = matchesOf('diffusion models for video', [video]);
    expect(match?.reason.kind).toBeUndefined();
    expect(match?.reason.matched).toEqual(['video diffusion']);
  });

  it('when a reader writes "machine learning for X" or "AI-driven X", then it is "AI for X"', () => {
    const notes = makePaper({
      title: 'Summarising clinical notes',
      abstract: 'We summarise clinical notes of patients.',
    });
    expect(ids('machine learning for health', [notes])).toEqual([notes.id]);
    expect(ids('AI for health', [notes])).toEqual([notes.id]);
    expect(ids('AI-driven healthcare', [notes])).toEqual([notes.id]);
  });

  it('when the field beside a subject names a concept in another order ("generating code with LLMs"), then its papers match beside the subject', () => {
    const codegen = makePaper({
      title: 'Repository-level code generation',
      abstract: 'Large language models write code. We improve code generation with retrieval of repository context.',
    });
    const other = makePaper({ title: 'Generating code-switched speech', abstract: 'We synthesise speech.' });
    expect(ids('generating code with LLMs', [codegen, other])).toEqual([codegen.id]);
  });

  it('when a concept comes first and then what it is for ("3DGS rendering"), then its papers that name it by any name and say those words anywhere match', () => {
    const splat = makePaper({
      title: 'Anti-aliased 3D Gaussian Splatting',
      abstract: 'Splats alias at low resolution. Our filter removes the artefacts when rendering at any scale.',
    });
    const geometry = makePaper({
      title: 'Meshes from 3D Gaussian Splatting',
      abstract: 'We extract surfaces from the splats for editing.',
    });
    expect(ids('3DGS rendering', [splat, geometry])).toEqual([splat.id]);
  });

  it('when the words after the concept name no field the vocabulary knows ("for 3D scenes"), then any one of them will do; a known field is needed as written', () => {
    const scenes = makePaper({
      title: 'Gaussian Splatting with learned densification',
      abstract: 'We grow splats where the scene needs detail and prune them elsewhere.',
    });
    expect(ids('Gaussian splatting for 3D scenes', [scenes])).toEqual([scenes.id]);
    const images = makePaper({
      title: 'Faster sampling for diffusion models',
      abstract: 'We distil the sampler; images and video frames come out in four steps.',
    });
    expect(ids('diffusion models for video', [images])).toEqual([]);
  });

  it('when the first words of one concept\'s name come with a generic head ("retrieval-augmented language models"), then it is that concept', () => {
    const rag = makePaper({
      title: 'Retrieval-augmented generation for long documents',
      abstract: 'We retrieve passages before the model answers.',
    });
    const other = makePaper({ title: 'Language models that plan', abstract: 'We train planners.' });
    expect(ids('retrieval-augmented language models', [rag, other])).toEqual([rag.id]);
  });

  it('when a method is typed with the model it is built for ("MoE LLMs"), then its papers match without naming the model', () => {
    const moe = makePaper({
      title: 'Balancing load across experts',
      abstract: 'We route tokens in a sparse mixture of experts and drop the auxiliary loss.',
    });
    const dense = makePaper({ title: 'Dense LLMs at scale', abstract: 'We train large language models.' });
    expect(ids('MoE LLMs', [moe, dense])).toEqual([moe.id]);
    expect(ids('reward models for LLMs', [moe, dense])).toEqual([]);
    // So with the kind of AI it is: "deep learning for" adds nothing to LLM agents.
    const agent = makePaper({
      title: 'Agentic AI that books travel',
      abstract: 'Our LLM agents plan trips and call booking tools.',
    });
    expect(ids('deep learning for LLM agents', [agent, dense])).toEqual([agent.id]);
  });

  it('when a concept comes after the words that narrow it, then its other names count with a narrowing word in the same sentence', () => {
    const dexterous = makePaper({
      title: 'In-hand reorientation with tactile feedback',
      abstract: 'We study dexterous manipulation with a five-fingered hand. Policies learn from tactile signals.',
    });
    const elsewhere = makePaper({
      title: 'Pick and place from pixels',
      abstract: 'We study robotic manipulation of household objects. A dexterous gripper is future work.',
    });
    expect(ids('dexterous robot manipulation', [dexterous, elsewhere])).toEqual([dexterous.id]);
    // Both in the title say it too; a narrowing word the paper never writes is not the topic.
    const titled = makePaper({ title: 'Multivariate forecasting of grid loads', abstract: 'We forecast loads.' });
    const univariate = makePaper({ title: 'Time-series forecasting with patches', abstract: 'We forecast loads.' });
    expect(ids('multivariate time series forecasting', [titled, univariate])).toEqual([titled.id]);
    // A word of a longer head ("generative" of generative AI) narrows like any other.
    const generative = makePaper({
      title: 'Sampling binders from a flow model',
      abstract: 'We train a generative flow model for de novo protein design. Designs fold as predicted.',
    });
    expect(ids('generative protein design', [generative, dexterous])).toEqual([generative.id]);
  });

  it('when one related term is all a paper has, outside its title, then it is not about the topic; a second sign or the title makes it so', () => {
    const passing = makePaper({
      title: 'Scheduling jobs on a shared cluster',
      abstract:
        'We schedule jobs on a shared GPU cluster. A clinical partner runs it, and clinical workloads come first.',
    });
    const two = makePaper({
      title: 'Triage from intake forms',
      abstract: 'We predict clinical deterioration from intake forms. Patients flagged early were seen sooner.',
    });
    const titled = makePaper({
      title: 'Clinical deterioration from intake forms',
      abstract: 'We predict clinical deterioration from intake forms and flag it early.',
    });
    expect(ids('AI for healthcare', [passing, two, titled])).toEqual([two.id, titled.id]);
  });

  it('when X names a field such as education, then papers of the field match as related', () => {
    const education = makePaper({
      title: 'Adaptive tutoring in education',
      abstract: 'Students learn with an adaptive tutor. We study education outcomes in schools.',
    });
    expect(ids('AI for education', [education])).toEqual([education.id]);
  });

  it("when a field's words are only listed as examples, then the paper is not about the field", () => {
    const listed = makePaper({
      title: 'Schemas for in-context learning',
      abstract:
        'We study in-context learning with schemas. They help on questions from domains such as chemistry, physics, and biology.',
    });
    const subject = makePaper({
      title: 'Learning interatomic potentials',
      abstract: 'We learn potentials for chemistry. The physics of molecules guides the model.',
    });
    expect(ids('AI for science', [listed, subject])).toEqual([subject.id]);
  });
});

describe('matchPapers: the topic said apart or by a synonym up front', () => {
  it('when each word of the topic stands where the paper says what it is about, though apart, then it matches as related', () => {
    const apart = makePaper({
      title: 'A weather foundation model for the power grid',
      abstract: 'We forecast the load of a regional grid days ahead. It beats persistence.',
    });
    const passing = makePaper({
      title: 'Grid load balancing',
      abstract: 'We balance the load of a regional grid. Our forecast uses a weather feed among many inputs.',
    });
    const list = matchesOf('weather forecasting', [apart, passing]);
    expect(list.map((m) => m.paperId)).toEqual([apart.id]);
    expect(list[0]!.reason.kind).toBe('related');
  });

  it("when a topic's one telling word runs through the paper beside its other words, then it matches; in the title alone it does not", () => {
    const throughout = makePaper({
      title: 'Graph of agents for long documents',
      abstract:
        'Agents built on an LLM split a long document between them. The agents exchange summaries. We study how agents agree.',
    });
    const titleOnly = makePaper({
      title: 'Agents of change in retail',
      abstract: 'An LLM reads store reports. It finds trends.',
    });
    expect(ids('LLM agents', [throughout, titleOnly])).toEqual([throughout.id]);
  });

  it('when a synonym of the topic opens the abstract, then one mention is enough; later in the abstract it is not', () => {
    const opening = makePaper({
      title: 'Street arithmetic',
      abstract: 'We study mathematical reasoning of LLMs on street prices. Results vary.',
    });
    const later = makePaper({
      title: 'Street prices',
      abstract: 'We collect street prices. We clean them. A side study touches mathematical reasoning.',
    });
    expect(ids('math reasoning', [opening, later])).toEqual([opening.id]);
  });
});

describe("matchPapers: words a paper writes for the reader's word", () => {
  it('when a paper writes "inference-time scaling" for a reader of test-time scaling, then it matches; "test-time adaptation" does not', () => {
    const scaling = makePaper({
      title: 'Inference-time scaling of diffusion samplers',
      abstract: 'We spend more compute.',
    });
    const adaptation = makePaper({
      title: 'Test-time adaptation for segmentation',
      abstract: 'We adapt at test time.',
    });
    expect(ids('test-time scaling', [scaling, adaptation])).toEqual([scaling.id]);
  });

  it('when a paper says "compact language models", then a reader of small language models gets it', () => {
    const compact = makePaper({ title: 'Compact language models on phones', abstract: 'We run them offline.' });
    expect(ids('small language models', [compact])).toEqual([compact.id]);
  });
});

describe('matchPapers: one stretch of words counts once', () => {
  it('when a related term ("answer questions") is also the topic\'s words together, then it counts once and a passing use does not match', () => {
    const passing = makePaper({
      title: 'Robust point cloud classification',
      abstract:
        'We harden classifiers. Corruptions hurt them. We ask how far. We answer these questions with a benchmark.',
    });
    expect(ids('question answering', [passing])).toEqual([]);
  });
});

describe('matchPapers: words written as their siblings', () => {
  it('when a paper writes a word of the phrase as a derivation, then the topic matches, below the phrase as typed', () => {
    const derived = makePaper({
      title: 'Adversarially robust image classifiers',
      abstract: 'We train them.',
    });
    const exact = makePaper({ title: 'Adversarial robustness of image classifiers', abstract: 'We train them.' });
    const list = matchesOf('adversarial robustness', [derived, exact]);
    expect(list.map((m) => m.paperId)).toEqual([exact.id, derived.id]);
    expect(list[1]!.reason.matched).toEqual(['Adversarially robust']);
  });

  it('when the derivation also has other words inside the phrase, then it is not the topic', () => {
    const apart = makePaper({
      title: 'Adversarially trained image classifiers are robust',
      abstract: 'We train them.',
    });
    const index = buildTopicIndex(['adversarial robustness'], { concepts: false });
    expect(matchPapers(index, [apart]).get(normalizeTopic('adversarial robustness').key) ?? []).toEqual([]);
  });

  it('when a one-word topic the vocabulary does not know is written as a sibling often enough, then it matches', () => {
    const often = makePaper({
      title: 'Causal discovery in query logs',
      abstract: 'We find causal links. Each causal link is tested.',
    });
    const once = makePaper({ abstract: 'We compare against a causal baseline on a public benchmark.' });
    expect(ids('causality', [often, once])).toEqual([often.id]);
  });
});

describe('matchPapers: the telling word of two', () => {
  // The rule serves topics nobody wrote a concept for; "causal inference" has one (whose
  // "causal discovery" would match these titles by itself), so it is matched here without.
  const idsWithoutConcepts = (topic: string, papers: MatchablePaper[]): number[] =>
    (matchPapers(buildTopicIndex([topic], { concepts: false }), papers).get(normalizeTopic(topic).key) ?? [])
      .map((m) => m.paperId)
      .sort((a, b) => a - b);
  const through = (word: string, sentences: number) =>
    makePaper({
      title: `Linear ${word} discovery with interventions`,
      abstract: Array.from({ length: sentences }, (_, k) => `Step ${k} finds ${word} edges.`).join(' '),
    });

  it('when the far rarer word runs through the title and three sentences, then the topic matches without the other', () => {
    const paper = through('causal', 3);
    expect(idsWithoutConcepts('causal inference', [paper])).toEqual([paper.id]);
  });

  it('when it stands in fewer sentences, then it does not', () => {
    expect(idsWithoutConcepts('causal inference', [through('causal', 2)])).toEqual([]);
  });

  it('when the two words are about as common, then one alone does not match', () => {
    expect(ids('question answering', [through('question', 4)])).toEqual([]);
  });

  it('when the rarer word is itself common ("graph" of graph generation), then it alone does not match', () => {
    expect(idsWithoutConcepts('graph generation', [through('graph', 4)])).toEqual([]);
  });
});

describe('matchPapers: a field written as its siblings', () => {
  it('when an "AI for X" topic meets papers writing X as an adjective, then they count as X', () => {
    const paper = makePaper({
      title: 'Detecting fraud in financial networks',
      abstract: 'Fraud costs the financial industry billions. We train a graph model on transactions.',
    });
    expect(ids('AI for finance', [paper])).toEqual([paper.id]);
  });
});

describe('matchPapers: own words beside a ubiquitous one', () => {
  it('when a phrase with a ubiquitous word has its own words where the paper says what it is about, then it matches', () => {
    const paper = makePaper({
      title: 'Physics-informed power flow prediction',
      abstract: 'We embed physics-informed constraints in a graph model of the grid.',
    });
    expect(ids('physics-informed neural networks', [paper])).toEqual([paper.id]);
  });

  it('when one of those words is research vocabulary, then they do not stand apart', () => {
    const paper = makePaper({
      title: 'Energy forecasting based on weather data',
      abstract: 'Energy demand based on temperature is predicted.',
    });
    expect(ids('energy-based models', [paper])).toEqual([]);
  });

  it('when each word is research vocabulary and none is in the title, then saying them apart is not the topic', () => {
    const gui = makePaper({
      title: 'GUI automation with group reflection',
      abstract:
        'GUI automation has attracted research efforts, where agents process requests and give operations. We build an agent that clicks. It plans. It reflects.',
    });
    expect(ids('operations research', [gui])).toEqual([]);
    // With one of them in the title, the paper is about it: "Agents" titled, "LLM" inside.
    const agents = makePaper({
      title: 'Graph of Agents for long context',
      abstract: 'Agents built from an LLM share notes across a long document. The agents vote.',
    });
    expect(ids('LLM agents', [agents])).toEqual([agents.id]);
  });
});

describe('buildTopicIndex: without the concepts vocabulary', () => {
  it('when concepts are left out, then a concept term no longer matches but the topic itself still does', () => {
    const term = makePaper({
      title: 'Summarising clinical notes',
      abstract: 'We summarise clinical notes of patients.',
    });
    const named = makePaper({ title: 'AI for healthcare at scale', abstract: 'We deploy it.' });
    const key = normalizeTopic('AI for healthcare').key;
    const found = (concepts: boolean) =>
      (matchPapers(buildTopicIndex(['AI for healthcare'], { concepts }), [term, named]).get(key) ?? [])
        .map((m) => m.paperId)
        .sort((a, b) => a - b);
    expect(found(true)).toEqual([term.id, named.id]);
    expect(found(false)).toEqual([named.id]);
  });
});
