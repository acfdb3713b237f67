// The index over all DISTINCT topics: every phrase of every topic, expanded into the ways a paper
// may write it, filed under its first token. Tagging a paper is then one pass over its tokens,
// looking up each token here, whatever the number of readers or topics.
import { normalizeTopic } from '../topic/normalize-topic';
import { parseTopicKey, phraseKey } from '../topic/topic-key';
import type { ParsedTopic, TopicPhrase } from '../types';
import { expandVariants, type PhraseVariant } from '../vocab/alias-index';

/** A topic as typed, an already parsed one, or a stored key (with the label to show). */
export type TopicInput = string | ParsedTopic | { key: string; label?: string };

export interface CompiledPhrase {
  id: number;
  maxGap: number;
  variants: PhraseVariant[];
}

export interface IndexedTopic {
  key: string;
  label: string;
  /** OR of alternatives, each an AND of phrase ids. */
  alternatives: number[][];
  exclusions: number[];
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
    const alternatives = parsed.alternatives.map((alt) => alt.map((p) => this.phrase(p)));
    for (const id of new Set(alternatives.flat())) this.topicsByPhrase[id]?.push(topicIdx);
    const exclusions = parsed.exclusions.map((p) => this.phrase(p));
    this.topics.push({ key: parsed.key, label: parsed.label, alternatives, exclusions });
  }

  private phrase(p: TopicPhrase): number {
    const key = phraseKey(p);
    const known = this.phraseIds.get(key);
    if (known !== undefined) return known;
    const id = this.phrases.length;
    const variants = expandVariants(p.tokens);
    this.phrases.push({ id, maxGap: p.maxGap, variants });
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
