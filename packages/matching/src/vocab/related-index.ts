// The related-concepts vocabulary in token form: a topic's phrase → the related terms (with
// weights) and the traps its matches must avoid. Looked up once per distinct topic when the
// index is built, so it costs nothing per paper or per reader.
import { tokenize } from '../text/tokenize';
import { wordRoot } from '../text/word-family';
import type { TopicPhrase } from '../types';
import { topicTokens } from './alias-index';
import { GENERIC_TOKENS } from './common-words.data';
import { FREQUENT_TOKENS } from './frequent-tokens';
import { FIXED_COMPOUNDS, GENERIC_HEADS, RELATED_CONCEPTS, termWeight } from './related.data';

/** The one-word-inside allowance of a reader's unquoted phrase (kept in step with LOOSE_GAP). */
const TERM_GAP = 1;

export interface RelatedTerm {
  phrase: TopicPhrase;
  /** A phrase the paper must also hold for the term to count ("medical LLMs": "clinical" only
   * beside an LLM). */
  requires?: TopicPhrase;
  /** The small word of a compound written with one ("speech-to-text": "to"): in a paper the
   * words must stand joined by it; "speech and text" or "speech-text" is something else. */
  joiner?: string;
  weight: number;
  /** Also written with siblings of its words (vocab/word-families.ts). */
  derive?: boolean;
  /** `requires` counts only in the same sentence as the term, or both in the title: the words
   * that narrow a concept ("dexterous" of "dexterous robot manipulation") qualify its mention. */
  requiresNear?: boolean;
}

export interface RelatedEntry {
  terms: RelatedTerm[];
  traps: TopicPhrase[];
  /** Other ways to write the topic itself ("speech recognition" for "speech recognition
   * models"): a paper naming one of them names the topic, judged as strictly as the reader's own
   * words. */
  equivalents?: TopicPhrase[];
  /** A field that methods are applied to (healthcare, law), not a method (RLHF, MoE). */
  field?: boolean;
}

const phraseOf = (tokens: string[], gap: number): TopicPhrase => ({ tokens, maxGap: tokens.length > 1 ? gap : 0 });

const HYPHENATED_WITH_SMALL_WORD = /[\p{L}\p{N}]-(to|of|and|the|a|in|for)-[\p{L}\p{N}]/iu;

/** Words a reader adds to a concept's name without changing it: "X models", "X-based Y",
 * "X systems", "X methods" (canonical tokens). */
const FILLER_TOKENS: ReadonlySet<string> = new Set(
  [
    ...['model', 'system', 'method', 'framework', 'approach', 'based', 'technique', 'algorithm'],
    // Words that restate the concept rather than narrow it: "LoRA adapters", "MoE architectures",
    // "chain of thought prompting", "RLHF alignment", "recommendation engines".
    ...['architecture', 'adapter', 'prompting', 'alignment', 'paradigm', 'engine'],
  ].flatMap(topicTokens),
);

const BASED = topicTokens('based')[0] ?? 'based';
const AI = topicTokens('AI')[0] ?? 'ai';

/** "designing new proteins", "novel recommender systems": new is what every paper claims. */
const NEW_TOKENS: ReadonlySet<string> = new Set(['new', 'novel'].flatMap(topicTokens));

/** A phrase's words as a set, order and form aside (word roots, sorted), fillers and small
 * words left out: the key of BY_WORDS. */
const bagOf = (tokens: readonly string[]): string =>
  [...new Set(tokens.filter((t) => !FILLER_TOKENS.has(t) && !NEW_TOKENS.has(t)).map(wordRoot))].sort().join(' ');

/** A field's spelling: "AI for healthcare", "ML in finance", "legal NLP". Not "X AI": agentic,
 * embodied and explainable AI are kinds of AI, not fields it serves. */
const FIELD_SPELLING = /^(AI|ML|machine learning|deep learning|artificial intelligence|NLP) (for|in) |\sNLP$/i;

/** Phrase tokens (joined by spaces) → the concepts readers type that way. */
const CONCEPTS = new Map<string, RelatedEntry[]>();
/** Phrase tokens → every name of the concepts spelled that way ("3DGS": 3D Gaussian splatting,
 * Gaussian splatting, 3DGS). */
const NAMES = new Map<string, TopicPhrase[]>();
/** The same concepts by their names' words in any order and form, fillers left out
 * (bagOf): "transformers for vision", "designing proteins", "expert mixture models". Each entry's
 * first equivalent is the spelling whose words these are. */
const BY_WORDS = new Map<string, RelatedEntry[]>();
for (const concept of RELATED_CONCEPTS) {
  const entry: RelatedEntry = {
    terms: Object.entries(concept.related).map(([text, value]) => ({
      phrase: phraseOf(topicTokens(text), TERM_GAP),
      joiner: HYPHENATED_WITH_SMALL_WORD.exec(text)?.[1]?.toLowerCase(),
      weight: termWeight(value),
      ...(typeof value === 'number' ? {} : { requires: phraseOf(topicTokens(value.besides), 0) }),
    })),
    traps: (concept.traps ?? []).map((text) => phraseOf(topicTokens(text), 0)),
    field: concept.topics.some((t) => FIELD_SPELLING.test(t)) || undefined,
  };
  // Typed another way ("sparse mixture of experts", "self-driving vehicles"), the concept's main
  // name is the topic too: the reader's own words alone would miss the papers that use it.
  const main = topicTokens(concept.topics[0] as string);
  const asMain = [phraseOf(main, TERM_GAP)];
  const spellings = concept.topics.map(topicTokens);
  concept.topics.forEach((topic, i) => {
    const spelling = spellings[i] as string[];
    const key = spelling.join(' ');
    const isMain = key === main.join(' ');
    CONCEPTS.set(key, [...(CONCEPTS.get(key) ?? []), isMain ? entry : { ...entry, equivalents: asMain }]);
    // Each name once: spellings meet as aliases ("3D Gaussian splatting" is 3DGS), and two
    // concepts may share one.
    const named = NAMES.get(key) ?? [];
    for (const other of spellings)
      if (!named.some((n) => n.tokens.join(' ') === other.join(' '))) named.push(phraseOf(other, TERM_GAP));
    NAMES.set(key, named);
    // Its words in another order name the topic as this spelling does, and as its main name.
    const equivalents = isMain ? asMain : [phraseOf(spelling, TERM_GAP), ...asMain];
    for (const words of [spelling, tokenize(topic, 'topic').tokens]) {
      const bag = bagOf(words);
      const known = BY_WORDS.get(bag) ?? [];
      if (bag.includes(' ') && !known.some((e) => e.terms === entry.terms))
        BY_WORDS.set(bag, [...known, { ...entry, equivalents }]);
    }
  });
}

/** The first words (two or more) of exactly one concept's longer name → that concept: a reader
 * who writes "retrieval-augmented language models" names RAG with a generic head for its last
 * word. Starts shared by two concepts name neither. */
const STARTS = new Map<string, RelatedEntry[]>();
{
  const owners = new Map<string, Set<RelatedEntry[]>>();
  for (const [key, entries] of CONCEPTS) {
    const words = key.split(' ');
    for (let n = 2; n < words.length; n += 1) {
      const start = words.slice(0, n).join(' ');
      if (CONCEPTS.has(start)) continue;
      owners.set(start, (owners.get(start) ?? new Set()).add(entries));
    }
  }
  for (const [start, found] of owners) {
    // One concept, however many of its spellings begin this way.
    const concepts = new Set([...found].flatMap((entries) => entries.map((e) => e.terms)));
    if (concepts.size === 1) STARTS.set(start, [...found][0] as RelatedEntry[]);
  }
}

/** Longest first, so "language model" wins over a shorter head inside it. */
const HEADS = Object.entries(GENERIC_HEADS)
  .map(([text, role]) => ({ tokens: topicTokens(text), role }))
  .sort((a, b) => b.tokens.length - a.tokens.length);

/** "AI for agriculture" → domain ["agriculture"], head ["ai"]: the phrase without a generic head
 * at either end. With the vocabulary, a concept it knows also heads a phrase as its subject
 * ("GNNs for drug discovery", "diffusion models for video"): the reader wants the domain's papers
 * that use it, so the domain's terms count beside it. The longest known head wins. */
function domainOf(
  tokens: readonly string[],
  concepts: boolean,
): { domain: string[]; head: (typeof HEADS)[number] } | undefined {
  for (const head of HEADS) {
    const words = head.tokens;
    if (tokens.length <= words.length) continue;
    if (words.every((t, j) => tokens[j] === t)) {
      // "AI-driven science" is AI for science.
      const from = JOINERS.has(tokens[words.length] as string) ? words.length + 1 : words.length;
      if (from < tokens.length) return { domain: tokens.slice(from), head };
      continue;
    }
    const from = tokens.length - words.length;
    if (head.role !== 'kind' && words.every((t, j) => tokens[from + j] === t))
      return { domain: tokens.slice(0, from), head };
  }
  if (!concepts) return undefined;
  for (let end = tokens.length - 1; end >= 1; end -= 1) {
    const head = tokens.slice(0, end);
    if (CONCEPTS.has(head.join(' '))) return { domain: tokens.slice(end), head: { tokens: head, role: 'subject' } };
  }
  return undefined;
}

/** Words between a head and its domain that add nothing: "AI-driven science", "agents built on
 * LLMs", "LLM-powered agents". */
const JOINERS: ReadonlySet<string> = new Set(
  ['driven', 'assisted', 'powered', 'built', 'enabled'].flatMap(topicTokens),
);

/** A joining word is no word of the topic's own: "power" in a paper is no sign of "LLM-powered agents". */
export const isJoiner = (token: string): boolean => JOINERS.has(token);

/** The words without joining ones, when two are left ("agents built on LLMs" → agents LLMs). */
function withoutJoiners(tokens: readonly string[]): readonly string[] {
  const joined = tokens.filter((t) => !JOINERS.has(t));
  return joined.length >= 2 ? joined : tokens;
}

/** A domain word alone is a strong sign, not a synonym: one mention in the title, or two. */
const DOMAIN_WEIGHT = 0.5;

/**
 * What the vocabulary knows about a reader's phrase: the concepts typed that way, and for
 * "AI for X" the domain X with its own concepts. Undefined when nothing is known. Without
 * `concepts`, only what holds for any phrase (the domain X itself): how a topic nobody wrote a
 * concept for fares, which the evaluation measures with --without-concepts.
 */
export function relatedFor(phrase: TopicPhrase, concepts = true): RelatedEntry | undefined {
  // "agents built on LLMs" is LLM agents, and papers saying "LLM agents" name it.
  const joined = withoutJoiners(phrase.tokens) as string[];
  if (joined.length < phrase.tokens.length) {
    const found = relatedFor({ ...phrase, tokens: joined }, concepts);
    const equivalent = phraseOf(joined, TERM_GAP);
    return found && { ...found, equivalents: [...(found.equivalents ?? []), equivalent] };
  }
  const known = (key: string): RelatedEntry[] => (concepts ? (CONCEPTS.get(key) ?? []) : []);
  const typed = known(phrase.tokens.join(' '));
  if (typed.length > 0) return merged(typed);
  const filled = withoutFiller(phrase.tokens, known);
  if (filled.length > 0) return merged(filled);
  const reordered = concepts ? byWords(phrase.tokens) : [];
  if (reordered.length > 0) return merged(reordered);
  // Only for a topic the vocabulary does not know: "LLM agents" is a concept, not "agents".
  const found = domainOf(phrase.tokens, concepts);
  const entries = found === undefined ? [] : domainEntries(phrase.tokens, found, known, concepts);
  const named = found === undefined ? [] : namedBesideDomain(found);
  const contained = entries.length > 0 ? entries : containedConcept(phrase.tokens, known);
  const narrowed = found === undefined && contained.length === 0 ? narrowedConcept(phrase.tokens, known) : [];
  return merged([...contained, ...narrowed, ...named]);
}

/** One-word heads say which kind of model, not what it is about: "LLM quantization" is the
 * heads' rule's (a method beside its model), not a narrowed quantization. A word of a longer head
 * alone narrows ("generative" of "generative protein design" is not generative AI). */
const HEAD_WORDS: ReadonlySet<string> = new Set(
  HEADS.filter((h) => h.tokens.length === 1).map((h) => h.tokens[0] as string),
);
const isHead = (tokens: readonly string[]): boolean => HEADS.some((h) => h.tokens.join(' ') === tokens.join(' '));

/**
 * "dexterous robot manipulation", "multivariate time series forecasting", "low-bit LLM
 * quantization": a concept after the words that narrow it. Its papers name the concept by any of
 * its names ("dexterous manipulation" is robotic manipulation) with the narrowing word in the same
 * sentence or both in the title, where a passing "dexterous" elsewhere says nothing. The narrowing
 * words are those neither generic nor research vocabulary ("bit", not "low"); when none is left,
 * all of them as written ("image" of "image diffusion models", "efficient" of "efficient vision
 * transformers"), but for heads and "new". Called only when no concept starts the phrase
 * (containedConcept's) and no head or field ends it (domainOf's).
 */
function narrowedConcept(tokens: readonly string[], known: (key: string) => RelatedEntry[]): RelatedEntry[] {
  for (let start = 1; start < tokens.length; start += 1) {
    const key = conceptKey(tokens.slice(start), known);
    if (key === undefined) continue;
    const modifiers = tokens.slice(0, start);
    if (isHead(modifiers) || modifiers.every((t) => HEAD_WORDS.has(t) || NEW_TOKENS.has(t))) return [];
    const telling = modifiers.filter(
      (t) => !HEAD_WORDS.has(t) && !GENERIC_TOKENS.has(t) && !FREQUENT_TOKENS.has(t) && !NEW_TOKENS.has(t),
    );
    const plain = modifiers.filter((t) => !HEAD_WORDS.has(t) && !NEW_TOKENS.has(t));
    const within = telling.length > 0 ? telling.map((t) => phraseOf([t], 0)) : [phraseOf(plain, TERM_GAP)];
    const terms = (NAMES.get(key) ?? []).flatMap((phrase) =>
      within.map((requires) => ({ phrase, weight: 1, requires, requiresNear: true })),
    );
    return [{ terms, traps: known(key).flatMap((e) => e.traps) }];
  }
  return [];
}

/** The key of the concept the words name, as typed or without a filler word ("diffusion models"
 * of "video diffusion models"). */
function conceptKey(tokens: readonly string[], known: (key: string) => RelatedEntry[]): string | undefined {
  const typed = tokens.join(' ');
  if (known(typed).length > 0) return typed;
  const bare = tokens.filter((t) => !FILLER_TOKENS.has(t)).join(' ');
  return bare !== '' && bare !== typed && known(bare).length > 0 ? bare : undefined;
}

/**
 * "3DGS rendering", "Gaussian splatting for 3D scenes", "manipulation with robot arms": a concept
 * first, then what it is applied to or said of. Its papers name it by any of its names ("3D
 * Gaussian Splatting" for 3DGS) and say those other words somewhere, seldom beside it.
 */
function namedBesideDomain({ domain, head }: NonNullable<ReturnType<typeof domainOf>>): RelatedEntry[] {
  // A concept of the vocabulary heading the phrase, not a generic head ("medical LLMs" stays the
  // field's papers that use an LLM).
  if (head.role !== 'subject' || HEADS.includes(head)) return [];
  const names = NAMES.get(head.tokens.join(' ')) ?? [];
  // What the vocabulary knows as a field or concept ("video", "medical imaging") narrows the
  // concept, written as the reader wrote it; other words restate what its papers are about
  // ("3D scenes", "robot arms"), and any one of them will do.
  const words = domain.filter((t) => !GENERIC_TOKENS.has(t) && !FREQUENT_TOKENS.has(t));
  const within =
    namesConcept({ tokens: domain, maxGap: TERM_GAP }) || words.length === 0
      ? [phraseOf(domain, TERM_GAP)]
      : words.map((t) => phraseOf([t], 0));
  return [{ terms: names.flatMap((phrase) => within.map((requires) => ({ phrase, weight: 1, requires }))), traps: [] }];
}

/**
 * "speech recognition models", "LLM-based agents": a concept with a filler word added. The
 * concept applies, and its own name written without the filler is the topic itself. "X-based" is
 * no filler when one word is left: "energy-based models" are not about energy, while "translation
 * models" are about translation. One plain word left ("translation" of "translation models")
 * gives the concept but is not the topic itself: alone it has other senses ("translate" the
 * plan); the concept's main name is.
 */
function withoutFiller(tokens: readonly string[], known: (key: string) => RelatedEntry[]): RelatedEntry[] {
  const bare = tokens.filter((t) => !FILLER_TOKENS.has(t));
  const telling = bare.length >= 2 || (bare.length === 1 && !tokens.includes(BASED));
  if (!telling || bare.length === tokens.length) return [];
  const named = known(bare.join(' '));
  if (named.length === 0) return [];
  const plainWord = bare.length === 1 && bare.every((t) => t === t.toLowerCase());
  return [...named, { terms: [], traps: [], equivalents: plainWord ? [] : [phraseOf(bare, TERM_GAP)] }];
}

/** "AI for X", "X LLMs", "GNNs for X": what the domain X and the head say of the topic. */
function domainEntries(
  tokens: readonly string[],
  { domain, head }: NonNullable<ReturnType<typeof domainOf>>,
  known: (key: string) => RelatedEntry[],
  concepts: boolean,
): RelatedEntry[] {
  // "LLM evaluation": "evaluation" is research vocabulary, not a field; alone it says nothing,
  // but the vocabulary's own concept of it ("benchmark") still counts beside the head.
  const isField = domain.some((t) => !FREQUENT_TOKENS.has(t));
  // "machine learning for health" is "AI for health": the heads of the kind AI name no more.
  const asDomain = known(domain.join(' '));
  const named = asDomain.length > 0 || head.role !== 'implied' ? asDomain : known([AI, ...domain].join(' '));
  // "generating code with LLMs": the domain may name a concept in another order too.
  const reordered = named.length > 0 || !concepts ? named : byWords(domain);
  // "retrieval-augmented language models": the start of one concept's name, its last word the head's.
  const concept = reordered.length > 0 || !concepts ? reordered : (STARTS.get(domain.join(' ')) ?? []);
  // "RLHF for language models", "MoE LLMs", "deep learning for LLM agents": a method with the
  // model it is built for (or the kind of AI it is) is the method's topic, and its papers need
  // not name the model. A field is narrowed by it ("medical LLMs": the medical papers about
  // LLMs), and so is research vocabulary.
  if (HEADS.includes(head) && (isField || domain.length > 1) && concept.length > 0 && !concept.some((e) => e.field))
    return [...concept, { terms: [], traps: [], equivalents: [phraseOf(domain, TERM_GAP)] }];
  const requires = head.role === 'implied' ? undefined : phraseOf(head.tokens, TERM_GAP);
  const fromDomain: RelatedEntry[] = [
    // "NLP for legal documents": the concept inside the domain when the domain is none itself.
    ...(concept.length > 0 ? concept : containedConcept(domain, known)).map(withoutEquivalents),
    // Written as its siblings too: "financial" for AI for finance, "educational" for education.
    ...(isField
      ? [{ terms: [{ phrase: phraseOf(domain, TERM_GAP), weight: DOMAIN_WEIGHT, derive: true }], traps: [] }]
      : []),
  ];
  // A term that already asks for a word of its own ("ASR" beside "speech") is left out here: a
  // term can ask for one phrase, and beside the head alone it would be read in its other senses
  // ("diffusion models for speech recognition": diffusion jailbreaks' attack success rate).
  const entries = fromDomain.map((e) =>
    requires === undefined
      ? e
      : { ...e, terms: e.terms.filter((t) => t.requires === undefined).map((t) => ({ ...t, requires })) },
  );
  // "diffusion models for video" is written "video diffusion models", "LLMs for healthcare"
  // "healthcare LLMs": the field before its subject names the topic too.
  const headFirst = head.tokens.every((t, j) => tokens[j] === t);
  if (requires !== undefined && headFirst && fromDomain.length > 0)
    entries.push({ terms: [], traps: [], equivalents: [phraseOf([...domain, ...head.tokens], TERM_GAP)] });
  return entries;
}

const merged = (entries: readonly RelatedEntry[]): RelatedEntry | undefined =>
  entries.length === 0
    ? undefined
    : {
        terms: entries.flatMap((e) => e.terms),
        traps: entries.flatMap((e) => e.traps),
        equivalents: entries.flatMap((e) => e.equivalents ?? []),
      };

/** The key of the concept spelling a reader's words name: as typed, without a filler word
 * ("speech recognition models") or a joining one ("agents built on LLMs"), or in another order or
 * form ("designing proteins"). Guidance offers that concept's names and terms, as matching uses
 * them. */
export function conceptSpelling(typed: readonly string[]): string | undefined {
  const tokens = withoutJoiners(typed);
  const key = tokens.join(' ');
  if (CONCEPTS.has(key)) return key;
  const bare = tokens.filter((t) => !FILLER_TOKENS.has(t));
  if (bare.length >= 2 && CONCEPTS.has(bare.join(' '))) return bare.join(' ');
  // The first concept with these words, named first by the spelling that has them.
  return byWords(tokens)[0]?.equivalents?.[0]?.tokens.join(' ');
}

/** Whether the words name a concept of the vocabulary, as typed or in another order or form. */
export const namesConcept = (phrase: TopicPhrase): boolean =>
  CONCEPTS.has(phrase.tokens.join(' ')) || byWords(phrase.tokens).length > 0;

/** A concept typed in another order or form: "transformers for vision", "designing proteins",
 * "expert mixture models". Two words at least: one word and fillers are the filler rule's. */
function byWords(tokens: readonly string[]): RelatedEntry[] {
  const bag = bagOf(tokens);
  return bag.includes(' ') ? (BY_WORDS.get(bag) ?? []) : [];
}

/** A concept's other names are the reader's topic only when the reader typed the concept. */
const withoutEquivalents = ({ terms, traps }: RelatedEntry): RelatedEntry => ({ terms, traps });

/** What a contained concept's name and terms weigh: the reader's other words may narrow it. */
const CONTAINED_SHARE = 0.5;

/**
 * The longest run of the phrase's first words that names a concept ("LoRA adapters", "chain of
 * thought prompting", "time-series prediction"): the words after it restate or specify it, so its
 * name is a strong sign and its terms count at half their weight. A concept after other words is
 * narrowed by them ("educational diffusion models", "privacy-preserving CoT"): its papers in
 * general are not the reader's. Lending them its terms cost the matching benchmark 1.6x, and even
 * its names beside those words 1.25x (its topics are such modifier-and-head pairs). A lone
 * generic word ("learning", "model") names nothing, nor does the X of "X-based".
 */
function containedConcept(tokens: readonly string[], known: (key: string) => RelatedEntry[]): RelatedEntry[] {
  for (let size = tokens.length - 1; size >= 1; size -= 1) {
    const run = tokens.slice(0, size);
    if (size === 1 && GENERIC_TOKENS.has(run[0] as string)) continue;
    // "energy-based models" are a kind of model, not about energy.
    if (tokens[size] === BASED) continue;
    const found = known(run.join(' '));
    if (found.length === 0) continue;
    const halved = found.map((e) => ({
      traps: e.traps,
      terms: e.terms.map((t) => ({ ...t, weight: t.weight * CONTAINED_SHARE })),
    }));
    return [{ terms: [{ phrase: phraseOf(run, TERM_GAP), weight: CONTAINED_SHARE }], traps: [] }, ...halved];
  }
  return [];
}

const COMPOUNDS = new Set(FIXED_COMPOUNDS.map((c) => topicTokens(c).join(' ')));

/** Whether the phrase is a term written as one compound: its words apart mean something else. */
export const isFixedCompound = (phrase: TopicPhrase): boolean => COMPOUNDS.has(phrase.tokens.join(' '));
