import { tokenize } from './tokenize';

const tokens = (text: string, mode: 'topic' | 'paper' = 'paper'): string[] => tokenize(text, mode).tokens;

describe('tokenize', () => {
  it('when case, hyphens and plurals differ, then the tokens are the same', () => {
    expect(tokens('Reward Models')).toEqual(tokens('reward-model'));
  });

  it('when text has accents, ligatures or curly apostrophes, then they are folded', () => {
    expect(tokens('Schrödinger’s ﬁeld')).toEqual(tokens("Schrodinger's field"));
  });

  it("when a word is spelled the British way, then its token is the American spelling's", () => {
    expect(tokens('Personalised tokenisation of tumour behaviour')).toEqual(
      tokens('personalized tokenization of tumor behavior'),
    );
    expect(tokens('Optimisers analyse the centre', 'topic')).toEqual(tokens('optimizers analyze the center', 'topic'));
    // Every form of the word: the corpus had too few "quantise" or "summarised" to learn them.
    expect(tokens('quantise quantised summarise summarised')).toEqual(
      tokens('quantize quantized summarize summarized'),
    );
    // "analyses" is the plural of analysis, not the verb; "synthesis" shares its stem with
    // "synthesise", so neither moves; "supervised" is spelled so on both sides of the Atlantic.
    expect(tokens('analyses')).toEqual(tokens('analysis'));
    expect(tokens('synthesis')).not.toEqual(tokens('synthesize'));
    expect(tokens('supervised')).not.toEqual(tokens('supervized'));
  });

  it('when a compound is written joined, hyphenated or spaced, then it is one token', () => {
    const joined = tokens('finetuning');
    expect(joined).toHaveLength(1);
    expect(tokens('fine-tuning')).toEqual(joined);
    expect(tokens('fine tuning')).toEqual(joined);
    expect(tokens('multi-agent')).toEqual(tokens('multiagent'));
  });

  it('when stop words appear, then they are dropped', () => {
    expect(tokens('mixture of the experts')).toEqual(tokens('mixture experts'));
  });

  it('when an acronym is written with capitals, then it becomes its canonical form', () => {
    expect(tokens('LLMs and MoEs')).toEqual(['LLM', 'MoE']);
  });

  it('when a word-like acronym is written in lower case in a paper, then it stays a word', () => {
    expect(tokens('a rag and a cot')).toEqual(['rag', 'cot']);
    expect(tokens('Ragged arrays')).not.toContain('RAG');
  });

  it('when a word-like acronym is written with other capitals, then it is another word', () => {
    expect(tokens('LoRa radios')).not.toContain('LoRA');
    expect(tokens('LoRA adapters and LORA')).toEqual(['LoRA', 'adapter', 'LoRA']);
  });

  it('when a word-like acronym is typed in lower case as a topic, then it is the acronym', () => {
    expect(tokens('rag', 'topic')).toEqual(['RAG']);
  });

  it('when one word is read in a paper and in a topic, in either order, then each keeps its own reading', () => {
    // Words are read once and remembered (tokenize's WORD_FORMS): per mode, or "rag" would be
    // whatever the first reader made of it.
    expect(tokens('rag tagging', 'paper')).toEqual(['rag', 'tag']);
    expect(tokens('rag tagging', 'topic')).toEqual(['RAG', 'tag']);
    expect(tokens('rag tagging', 'paper')).toEqual(['rag', 'tag']);
  });

  it('when punctuation separates words, then they are in different clauses', () => {
    const s = tokenize('diffusion. Models, reward-models', 'paper');
    expect(s.clauses).toEqual([0, 1, 2, 2]);
  });

  it('when tokenising, then offsets point at the words in the original text', () => {
    const s = tokenize('Process  Reward-Models!', 'paper');
    const words = s.starts.map((start, i) => s.source.slice(start, s.ends[i]));
    expect(words).toEqual(['Process', 'Reward', 'Models']);
  });
});

describe('tokenize: words that are also names of object properties', () => {
  it('when a title says "Constructor-Based Proofs", then it tokenises instead of throwing', () => {
    expect(tokenize('Constructor-Based proofs of valueOf', 'paper').tokens).toEqual([
      'constructor',
      'based',
      'proof',
      'valueof',
    ]);
  });
});
