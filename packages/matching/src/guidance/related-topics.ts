// Topics to offer instead of one that is too broad or has nothing recent, in the reader's own
// kind of wording. Only candidates: the caller counts each one's recent papers with the matching
// engine itself and keeps those worth showing, so a suggestion never leads to an empty topic.
//
// Where they come from, in order: the related-concepts vocabulary (narrower terms of the
// concept; for a quiet topic also its other names), the learned term associations, then the
// vocabulary of stored papers: the word pairs that contain the topic's word ("AI" → "AI
// agents", "generative AI") for a broad topic, the topic's own words and pairs for a quiet one.
import { normalizeTopic } from '../topic/normalize-topic';
import type { ParsedTopic } from '../types';
import { topicTokens } from '../vocab/alias-index';
import type { AssociationTable } from '../vocab/associations';
import { FREQUENT_TOKENS } from '../vocab/frequent-tokens';
import { conceptSpelling } from '../vocab/related-index';
import { RELATED_CONCEPTS, type RelatedConcept, termWeight } from '../vocab/related.data';
import type { TermVocabulary } from './vocabulary';

/** broad: matches a large share of recent papers; quiet: matches none; ok: neither. */
export type TopicStanding = 'ok' | 'broad' | 'quiet';

export interface StandingOptions {
  /** Share of the window's papers above which a topic is too broad (config PREVIEW_BROAD_SHARE). */
  broadShare: number;
  /** Below this many papers in the window, no topic is called broad (a share of 3 papers says nothing). */
  minWindowPapers: number;
}

export const DEFAULT_STANDING_OPTIONS: StandingOptions = { broadShare: 0.3, minWindowPapers: 20 };

export function topicStanding(
  count: number,
  windowPapers: number,
  options: StandingOptions = DEFAULT_STANDING_OPTIONS,
): TopicStanding {
  if (count === 0) return 'quiet';
  if (windowPapers >= options.minWindowPapers && count / windowPapers > options.broadShare) return 'broad';
  return 'ok';
}

/** Concept topic (canonical tokens) → the concepts readers type that way. */
const CONCEPTS = new Map<string, RelatedConcept[]>();
for (const concept of RELATED_CONCEPTS) {
  for (const topic of concept.topics) {
    const key = topicTokens(topic).join(' ');
    CONCEPTS.set(key, [...(CONCEPTS.get(key) ?? []), concept]);
  }
}

/** Companion words that make a pair no narrower than the topic ("AI model", "AI system"). */
const GENERIC = new Set(
  topicTokens(
    'model method approach framework system task result paper work base new use propose performance show study ' +
      'state art different various novel recent existing large',
  ),
);

export interface CandidateContext {
  vocabulary: TermVocabulary;
  associations: AssociationTable;
  /** Candidates returned at most. */
  limit?: number;
}

function narrowerPairs(tokens: readonly string[], vocabulary: TermVocabulary): string[] {
  const own = new Set(tokens);
  const pairs: [string, number][] = [];
  for (const [key, phrase] of vocabulary.phrases) {
    const parts = key.split(' ');
    if (parts.length !== 2) continue;
    const other = parts.filter((p) => !own.has(p));
    if (other.length !== 1) continue;
    const word = other[0] as string;
    if (GENERIC.has(word) || word.length < 3) continue;
    pairs.push([phrase.text, phrase.docs]);
  }
  return pairs.sort((a, b) => b[1] - a[1]).map(([text]) => text);
}

/** The topic's own word pairs that papers use ("quantum error correction" → "error correction");
 * single words only when no pair is used (a lone word is broader than any pair of it), and never
 * one that most fields use. */
function ownParts(tokens: readonly string[], vocabulary: TermVocabulary): string[] {
  if (tokens.length < 2) return [];
  const known = (keys: string[]) =>
    keys.flatMap((key) => {
      const phrase = vocabulary.phrases.get(key);
      return phrase ? [phrase.text] : [];
    });
  const pairs = known(tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`));
  // A lone word every field uses ("learning" of "tabular learning") would be broader still.
  return pairs.length > 0 ? pairs : known(tokens.filter((t) => !GENERIC.has(t) && !FREQUENT_TOKENS.has(t)));
}

/** The main name of the concept a phrase's last words name, after words that narrow it ("image
 * diffusion models" → "diffusion models"): papers seldom say the two together. */
function narrowedConcept(tokens: readonly string[]): string[] {
  for (let start = 1; start < tokens.length; start += 1) {
    const key = conceptSpelling(tokens.slice(start));
    const concepts = key === undefined ? undefined : CONCEPTS.get(key);
    if (concepts !== undefined) return concepts.map((c) => c.topics[0] as string);
  }
  return [];
}

/** Other names of a quiet topic's concept offered at most. */
const QUIET_NAMES = 3;

/** Candidate topics for a broad or quiet topic, best first, distinct from it and each other. */
export function relatedTopicCandidates(
  topic: ParsedTopic,
  standing: TopicStanding,
  context: CandidateContext,
): string[] {
  if (standing === 'ok') return [];
  const phrases = topic.alternatives.flat();
  const texts: string[] = [];
  for (const phrase of phrases) {
    const key = phrase.tokens.join(' ');
    const named = CONCEPTS.get(conceptSpelling(phrase.tokens) ?? key);
    // "low-bit LLM quantization" finding nothing: the concept its last words name, by its main name.
    if (named === undefined && standing === 'quiet') texts.push(...narrowedConcept(phrase.tokens));
    for (const concept of named ?? []) {
      const terms = Object.entries(concept.related)
        .filter(([, value]) => standing === 'quiet' || termWeight(value) >= 1)
        .map(([text]) => text);
      // Its main names, not every spelling readers type ("generative diffusion models"): those
      // match much the same papers and would crowd out the related terms.
      if (standing === 'quiet') texts.push(...concept.topics.slice(0, QUIET_NAMES));
      texts.push(...terms);
    }
    for (const term of context.associations[key] ?? []) {
      const phraseText = context.vocabulary.phrases.get(term)?.text;
      if (phraseText) texts.push(phraseText);
    }
  }
  for (const phrase of phrases) {
    if (standing === 'broad') texts.push(...narrowerPairs(phrase.tokens, context.vocabulary).slice(0, 12));
    else texts.push(...ownParts(phrase.tokens, context.vocabulary));
  }
  const seen = new Set([topic.key]);
  const out: string[] = [];
  for (const text of texts) {
    let key: string;
    try {
      key = normalizeTopic(text).key;
    } catch {
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length >= (context.limit ?? 8)) break;
  }
  return out;
}
