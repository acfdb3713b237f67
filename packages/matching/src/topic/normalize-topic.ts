// A reader's topic as typed → a ParsedTopic with a stable key. Readers who mean the same thing
// ("Reward Models", "reward model", "reward-models"; "RLHF" and its expansion) get the same key,
// so matching runs once for all of them.
import type { ParsedTopic, TopicPhrase } from '../types';
import { topicTokens } from '../vocab/alias-index';
import { namesConcept } from '../vocab/related-index';
import { expandConjunction } from './conjunction';
import { withoutRequestWords } from './request-words';
import { withoutRestatedAcronyms } from './restated-acronym';
import { lexQuery, type QueryPart } from './query-lexer';
import { TopicError } from './topic-error';
import { LOOSE_GAP, canonicalQuery, serializeTopicKey } from './topic-key';

export interface TopicLimits {
  maxLength: number;
  /** Canonical terms across all positive phrases. */
  maxTerms: number;
  maxAlternatives: number;
  maxExclusions: number;
}

export const DEFAULT_TOPIC_LIMITS: TopicLimits = {
  maxLength: 120,
  maxTerms: 12,
  maxAlternatives: 5,
  maxExclusions: 5,
};

// Unquoted multi-word topics allow one extra word inside ("reward process models").
function toPhrase(text: string, quoted: boolean): TopicPhrase | undefined {
  const tokens = topicTokens(text);
  if (tokens.length === 0) return undefined;
  return { tokens, maxGap: quoted || tokens.length === 1 ? 0 : LOOSE_GAP };
}

/** Whether the words name a concept the vocabulary knows (for expandConjunction). */
function namesSomething(text: string): boolean {
  const phrase = toPhrase(text, false);
  return phrase !== undefined && namesConcept(phrase);
}

function collect(parts: QueryPart[]): { alternatives: TopicPhrase[][]; exclusions: TopicPhrase[] } {
  const alternatives: TopicPhrase[][] = [[]];
  const exclusions: TopicPhrase[] = [];
  for (const part of parts) {
    if (part.kind === 'or') {
      alternatives.push([]);
      continue;
    }
    const phrase = toPhrase(part.text, part.kind === 'quoted');
    if (!phrase) continue;
    if (part.exclude) exclusions.push(phrase);
    else (alternatives[alternatives.length - 1] as TopicPhrase[]).push(phrase);
  }
  return canonicalQuery(
    alternatives.filter((a) => a.length > 0),
    exclusions,
  );
}

function validate(raw: string, parsed: ReturnType<typeof collect>, limits: TopicLimits): void {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  if (parsed.alternatives.length === 0) {
    throw new TopicError('empty', `Topic "${shown}" has no words to look for (only common words or exclusions).`);
  }
  const terms = parsed.alternatives.flat().reduce((n, p) => n + p.tokens.length, 0);
  if (terms > limits.maxTerms) {
    throw new TopicError(
      'too_many_terms',
      `Topic "${shown}" has ${terms} terms; at most ${limits.maxTerms} are allowed.`,
    );
  }
  if (parsed.alternatives.length > limits.maxAlternatives) {
    throw new TopicError('too_many_terms', `Topic "${shown}" has more than ${limits.maxAlternatives} OR alternatives.`);
  }
  if (parsed.exclusions.length > limits.maxExclusions) {
    throw new TopicError('too_many_terms', `Topic "${shown}" has more than ${limits.maxExclusions} exclusions.`);
  }
}

/** Normalises one topic as typed; throws TopicError with a reader-facing message. */
export function normalizeTopic(raw: string, limits: TopicLimits = DEFAULT_TOPIC_LIMITS): ParsedTopic {
  if (typeof raw !== 'string') throw new TopicError('invalid', 'A topic must be a string.');
  const label = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (label === '') throw new TopicError('empty', 'A topic cannot be empty.');
  if (label.length > limits.maxLength) {
    throw new TopicError(
      'too_long',
      `A topic can be at most ${limits.maxLength} characters (this one has ${label.length}).`,
    );
  }
  const asked = withoutRequestWords(withoutRestatedAcronyms(label), namesSomething);
  const parsed = collect(expandConjunction(lexQuery(asked), namesSomething));
  validate(label, parsed, limits);
  const key = serializeTopicKey(parsed.alternatives, parsed.exclusions);
  return { raw, key, label: closedQuotes(label), ...parsed };
}

/** A quote left open runs to the end of the topic (query-lexer.ts): the label closes it there
 * too, so that pages and digests show the phrase that is matched, not a stray quote. */
function closedQuotes(label: string): string {
  const count = (quote: RegExp) => label.match(quote)?.length ?? 0;
  if (count(/"/g) % 2 === 1) return `${label}"`;
  return count(/“/g) > count(/”/g) ? `${label}”` : label;
}

/** The key alone, for callers that only store it. */
export const topicKey = (raw: string): string => normalizeTopic(raw).key;
