// The index over all DISTINCT topics: every phrase of every topic, expanded into the ways a paper
// may write it, filed under its first token. Tagging a paper is then one pass over its tokens,
// looking up each token here, whatever the number of readers or topics.
import { normalizeTopic } from '../topic/normalize-topic';
import { parseTopicKey, phraseKey } from '../topic/topic-key';
import type { ParsedTopic, TopicPhrase } from '../types';
import { expandVariants, type PhraseVariant } from '../vocab/alias-index';
import { relatedFor } from '../vocab/related-index';

/** Words of any kind a reader's unquoted phrase may have inside ("protein sequence design",
 * "graph neural network (GNN) recommenders"); such a match weighs less than a tight one. */
export const PROXIMITY_WINDOW = 3;

/** A topic as typed, an already parsed one, or a stored key (with the label to show). */
export type TopicInput = string | ParsedTopic | { key: string; label?: string };

export interface CompiledPhrase {
  id: number;
  maxGap: number;
  /** Proximity window (0: none). */
  window: number;
  variants: PhraseVariant[];
}

/** A related term of a topic: evidence for it, weighted, never as strong as the topic itself. */
export interface RelatedRef {
  phraseId: number;
  weight: number;
}

export interface IndexedTopic {
  key: string;
  label: string;
  /** OR of alternatives, each an AND of phrase ids. */
  alternatives: number[][];
  exclusions: number[];
  /** From the related-concepts vocabulary (and learned associations, when given). */
  related: RelatedRef[];
  /** Phrases whose occurrences void any occurrence of this topic they overlap. */
  traps: number[];
}

export interface VariantRef {
  phraseId: number;
  variant: PhraseVariant;
}

export interface TopicIndex {
  readonly topics: readonly IndexedTopic[];
  readonly phrases: readonly CompiledPhrase[];
  /** First token of a variant → the variants starting with it. */
  readonly byFirstToken: ReadonlyMap<string, readonly VariantRef[]>;
  /** Phrase id → indices of the topics that need it positively (exclusions do not nominate). */
  readonly topicsByPhrase: readonly (readonly number[])[];
}

function toParsed(input: TopicInput): ParsedTopic {
  if (typeof input === 'string') return normalizeTopic(input);
  if ('alternatives' in input) return input;
  return parseTopicKey(input.key, input.label);
}

class IndexBuilder {
  readonly topics: IndexedTopic[] = [];
  readonly phrases: CompiledPhrase[] = [];
  readonly byFirstToken = new Map<string, VariantRef[]>();
  readonly topicsByPhrase: number[][] = [];
  private readonly phraseIds = new Map<string, number>();
  private readonly topicKeys = new Set<string>();

  add(parsed: ParsedTopic): void {
    if (this.topicKeys.has(parsed.key)) return; // readers share topics: one entry per key
    this.topicKeys.add(parsed.key);
    const topicIdx = this.topics.length;
    const alternatives = parsed.alternatives.map((alt) => alt.map((p) => this.phrase(p, p.maxGap > 0 ? PROXIMITY_WINDOW : 0)));
    const exclusions = parsed.exclusions.map((p) => this.phrase(p, 0));
    const { related, traps } = this.relatedOf(parsed, new Set(alternatives.flat()));
    for (const id of new Set([...alternatives.flat(), ...related.map((r) => r.phraseId)])) this.topicsByPhrase[id]?.push(topicIdx);
    this.topics.push({ key: parsed.key, label: parsed.label, alternatives, exclusions, related, traps });
  }

  /** Related terms of every single-phrase alternative the vocabulary knows (a quoted phrase asks
   * for exactly those words, so it gets none); the strongest weight when two concepts share one. */
  private relatedOf(parsed: ParsedTopic, direct: Set<number>): { related: RelatedRef[]; traps: number[] } {
    const weights = new Map<number, number>();
    const traps = new Set<number>();
    for (const alt of parsed.alternatives) {
      const only = alt.length === 1 ? alt[0] : undefined;
      if (only === undefined || (only.maxGap === 0 && only.tokens.length > 1)) continue;
      const entry = relatedFor(only);
      for (const term of entry?.terms ?? []) {
        const id = this.phrase(term.phrase, 0);
        if (!direct.has(id)) weights.set(id, Math.max(weights.get(id) ?? 0, term.weight));
      }
      for (const trap of entry?.traps ?? []) traps.add(this.phrase(trap, 0));
    }
    return { related: [...weights].map(([phraseId, weight]) => ({ phraseId, weight })), traps: [...traps] };
  }

  private phrase(p: TopicPhrase, window: number): number {
    const key = `${window}:${phraseKey(p)}`;
    const known = this.phraseIds.get(key);
    if (known !== undefined) return known;
    const id = this.phrases.length;
    const variants = expandVariants(p.tokens);
    this.phrases.push({ id, maxGap: p.maxGap, window, variants });
    this.phraseIds.set(key, id);
    this.topicsByPhrase.push([]);
    for (const variant of variants) {
      const first = variant.tokens[0] as string;
      const refs = this.byFirstToken.get(first) ?? [];
      refs.push({ phraseId: id, variant });
      this.byFirstToken.set(first, refs);
    }
    return id;
  }
}

export interface BuildIndexOptions {
  /** Called for a topic that cannot be parsed, which is then left out; without it, it throws.
   * One bad stored row should not stop matching for every other reader. */
  onInvalid?: (input: TopicInput, error: Error) => void;
}

/** Builds the index once per matching run over the distinct topics; duplicates are merged. */
export function buildTopicIndex(topics: Iterable<TopicInput>, opts: BuildIndexOptions = {}): TopicIndex {
  const builder = new IndexBuilder();
  for (const input of topics) {
    let parsed: ParsedTopic;
    try {
      parsed = toParsed(input);
    } catch (error) {
      if (opts.onInvalid === undefined || !(error instanceof Error)) throw error;
      opts.onInvalid(input, error);
      continue;
    }
    builder.add(parsed);
  }
  return {
    topics: builder.topics,
    phrases: builder.phrases,
    byFirstToken: builder.byFirstToken,
    topicsByPhrase: builder.topicsByPhrase,
  };
}
