// The index over all DISTINCT topics: every phrase of every topic, expanded into the ways a paper
// may write it, filed under its first token. Tagging a paper is then one pass over its tokens,
// looking up each token here, whatever the number of readers or topics.
import { normalizeTopic } from '../topic/normalize-topic';
import { parseTopicKey, phraseKey } from '../topic/topic-key';
import type { ParsedTopic, TopicPhrase } from '../types';
import { expandVariants, type PhraseVariant } from '../vocab/alias-index';
import { COMPOUND_JOIN, joinWith } from './phrase-search';
import { DEFAULT_ASSOCIATIONS } from '../vocab/default-associations';
import type { AssociationTable } from '../vocab/associations';
import { GENERIC_TOKENS, UBIQUITOUS_TOKENS } from '../vocab/common-words.data';
import { isFixedCompound, isJoiner, relatedFor } from '../vocab/related-index';
import { ASSOCIATION_WEIGHT, SIBLING_WEIGHT } from './evidence-weights';
import { siblingsOf } from '../vocab/word-families';
import { canTellAlone, isCommonWord, papersUsing, tellingWords } from '../vocab/token-shares';

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
  /** A compound: how its words must stand joined ("text-to-video"); undefined for a phrase. */
  join?: RegExp;
  /** A trap: its words side by side, a bracket between them too, so that it takes the mention
   * where a paper defines an acronym another way ("attack success rate (ASR)"). */
  acrossBrackets: boolean;
  variants: PhraseVariant[];
}

/** A related term of a topic: evidence for it, weighted, never as strong as the topic itself. */
export interface RelatedRef {
  phraseId: number;
  weight: number;
  /** From learned associations: counts only when one of the topic's own words is there too. */
  learned: boolean;
  /** Counts only when this phrase is in the paper too (a domain's terms beside "LLM"). */
  requires?: number;
  /** ...and in the same sentence as the term, or both in the title. */
  requiresNear?: boolean;
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
  /** The topic's own distinctive words, one of which learned associations need beside them. */
  anchors: number[];
  /** Token sets of the topic's multi-word phrases: all in one sentence, any order, is evidence. */
  together: string[][];
  /** For each together-set, the anchors among its words: a paper lacking one of them cannot
   * hold the set, told by the phrase hits before any token is looked up. */
  togetherAnchors: number[][];
  /** Each together-set's words as `tokenIds`: which fields hold them all is read off the marks
   * findPhrases leaves (PhraseHits.fieldsHolding), not looked up in the paper's words. */
  togetherTokens: number[][];
  /** Of a two-word phrase whose other word is far more common, the telling one ("causal" of
   * causal inference, vocab/token-shares.ts): said apart, it needs the other word nowhere. */
  telling: number[];
  /** Its words are each research vocabulary: said apart, one must be in the title ("operations"
   * and "research" open many abstracts apart; "Agents" in a title with "LLM" is LLM agents). */
  commonWords: boolean;
}

export interface VariantRef {
  phraseId: number;
  variant: PhraseVariant;
  /** Ids (`tokenIds`) of the variant's tokens after the first: a field lacking one cannot hold it. */
  rest: readonly number[];
}

export interface TopicIndex {
  readonly topics: readonly IndexedTopic[];
  readonly phrases: readonly CompiledPhrase[];
  /** First token of a variant → the variants starting with it. */
  readonly byFirstToken: ReadonlyMap<string, readonly VariantRef[]>;
  /** Phrase id → indices of the topics that need it positively (exclusions do not nominate). */
  readonly topicsByPhrase: readonly (readonly number[])[];
  /** Phrase id → for each of its topics (in topicsByPhrase's order), the phrases one of which the
   * paper must also hold for this one to nominate it; undefined: it nominates alone. */
  readonly nominatesBeside: readonly (readonly (readonly number[] | undefined)[])[];
  /** Every token of a variant or a together-set → a small number, to mark a paper's tokens present in an array. */
  readonly tokenIds: ReadonlyMap<string, number>;
}

function toParsed(input: TopicInput): ParsedTopic {
  if (typeof input === 'string') return normalizeTopic(input);
  if ('alternatives' in input) return input;
  return parseTopicKey(input.key, input.label);
}

/** A single unquoted alternative's phrase and what the vocabulary knows of it. */
type Known = { only: TopicPhrase; entry: ReturnType<typeof relatedFor> } | undefined;

class IndexBuilder {
  readonly topics: IndexedTopic[] = [];
  readonly phrases: CompiledPhrase[] = [];
  readonly byFirstToken = new Map<string, VariantRef[]>();
  readonly topicsByPhrase: number[][] = [];
  readonly nominatesBeside: (number[] | undefined)[][] = [];
  readonly tokenIds = new Map<string, number>();
  private readonly phraseIds = new Map<string, number>();
  private readonly topicKeys = new Set<string>();
  /** Phrase id → the words it was compiled from. */
  private readonly sourceOf: string[] = [];

  constructor(
    private readonly associations: AssociationTable,
    private readonly concepts: boolean,
  ) {}

  add(parsed: ParsedTopic): void {
    if (this.topicKeys.has(parsed.key)) return; // readers share topics: one entry per key
    this.topicKeys.add(parsed.key);
    const topicIdx = this.topics.length;
    // A fixed compound ("text-to-video") apart is something else ("text-to-audio model to video").
    const compound =
      parsed.alternatives.length === 1 &&
      parsed.alternatives[0]!.length === 1 &&
      isFixedCompound(parsed.alternatives[0]![0]!);
    const alternatives = parsed.alternatives.map((alt) =>
      alt.map((p) => (compound ? this.phrase(p, 0, COMPOUND_JOIN) : this.readerPhrase(p))),
    );
    // What the vocabulary knows of each single-phrase alternative, looked up once.
    const known = parsed.alternatives.map((alt) => {
      const only = alt.length === 1 ? alt[0] : undefined;
      // A quoted phrase asks for exactly those words: the vocabulary adds nothing to it.
      if (only === undefined || (only.maxGap === 0 && only.tokens.length > 1)) return undefined;
      return { only, entry: relatedFor(only, this.concepts) };
    });
    // Other ways to write the topic itself ("speech recognition" of "speech recognition models"):
    // more alternatives, judged like the reader's own words.
    if (!compound) alternatives.push(...this.equivalentsOf(known, alternatives));
    const exclusions = parsed.exclusions.map((p) => this.phrase(p, 0));
    const { related, traps, anchors, together, telling, commonWords } = this.relatedOf(known, alternatives, compound);
    // Phrase → undefined when it nominates the topic alone, else the phrases one of which the
    // paper must hold beside it: a related term that requires a phrase counts only with both
    // ("diffusion models" beside "efficient" of "efficient diffusion models"), and judging every
    // paper naming the concept for every topic narrowing it would be in vain.
    const nominating = new Map<number, number[] | undefined>();
    for (const id of [...alternatives.flat(), ...telling, ...this.anchorNominators(anchors, together)])
      nominating.set(id, undefined);
    for (const r of related) {
      if (r.requires === undefined) nominating.set(r.phraseId, undefined);
      else if (!nominating.has(r.phraseId)) nominating.set(r.phraseId, [r.requires]);
      else nominating.get(r.phraseId)?.push(r.requires);
    }
    for (const [id, beside] of nominating) {
      this.topicsByPhrase[id]?.push(topicIdx);
      this.nominatesBeside[id]?.push(beside);
    }
    this.topics.push({
      key: parsed.key,
      label: parsed.label,
      alternatives,
      exclusions,
      related,
      traps,
      anchors,
      together,
      togetherAnchors: together.map((words) => anchors.filter((id) => words.includes(this.sourceOf[id] as string))),
      togetherTokens: together.map((words) => words.map((t) => this.tokenId(t))),
      telling,
      commonWords,
    });
  }

  /**
   * The anchors a paper must hold for the topic's words together or apart to count: its words
   * apart need every anchor, and a together-set every word of its own, so the rarest anchor of
   * each set (and of all) is enough to nominate the topic. Nominating by any anchor judged ~800k
   * paper × topic pairs for the benchmark's 1,000 papers, nearly all of them in vain ("efficient"
   * nominated every "efficient X"). A set holding no anchor falls back to all of them.
   */
  private anchorNominators(anchors: readonly number[], together: readonly string[][]): number[] {
    if (together.length === 0 || anchors.length === 0) return [];
    const tokenOf = (id: number) => this.sourceOf[id] as string;
    const rarest = (ids: readonly number[]) =>
      ids.reduce((best, id) => (papersUsing(tokenOf(id)) < papersUsing(tokenOf(best)) ? id : best));
    const out = new Set([rarest(anchors)]);
    for (const words of together) {
      const inSet = anchors.filter((id) => words.includes(tokenOf(id)));
      if (inSet.length === 0) return [...anchors];
      out.add(rarest(inSet));
    }
    return [...out];
  }

  /** The phrases that name the topic as the vocabulary knows it (vocab/related-index.ts
   * `equivalents`), each as one more single-phrase alternative, once. */
  private equivalentsOf(known: readonly Known[], alternatives: readonly number[][]): number[][] {
    const have = new Set(alternatives.map((alt) => alt.join(' ')));
    const out: number[][] = [];
    for (const k of known)
      for (const p of k?.entry?.equivalents ?? []) {
        const id = this.readerPhrase(p);
        if (!have.has(String(id))) out.push([id]);
        have.add(String(id));
      }
    return out;
  }

  /** A phrase as a reader's own words are compiled: unquoted, with the proximity window, and
   * written with siblings when it has several words. */
  private readerPhrase(p: TopicPhrase): number {
    return this.phrase(p, p.maxGap > 0 ? PROXIMITY_WINDOW : 0, undefined, p.maxGap > 0 && p.tokens.length > 1);
  }

  /** Related terms of every single-phrase alternative the vocabulary knows (a quoted phrase asks
   * for exactly those words, so it gets none); the strongest weight when two concepts share one. */
  private relatedOf(
    known: readonly Known[],
    alternatives: number[][],
    compound: boolean,
  ): Pick<IndexedTopic, 'related' | 'traps' | 'anchors' | 'together' | 'telling' | 'commonWords'> {
    // By words, not by id: the reader's phrase is compiled with its proximity window, the same
    // words as a related term without one ("mathematical reasoning" of math reasoning).
    const direct = new Set(alternatives.flat().map((id) => this.sourceOf[id]));
    // By phrase and what it requires: "3DGS" beside "rendering" is one term, "3DGS" alone another.
    const related = new Map<string, RelatedRef>();
    const traps = new Set<number>();
    const anchors = new Set<number>();
    const tellingAlone = new Set<number>();
    const together = new Map<string, string[]>();
    let commonWords = true;
    const add = (phraseId: number, weight: number, learned: boolean, requires?: number, near?: boolean): void => {
      const key = `${phraseId}:${requires ?? ''}${near ? ':near' : ''}`;
      const known = related.get(key);
      if (!direct.has(this.sourceOf[phraseId]) && (known === undefined || known.weight < weight))
        related.set(key, {
          phraseId,
          weight,
          learned,
          ...(requires === undefined ? {} : { requires }),
          ...(near ? { requiresNear: true } : {}),
        });
    };
    known.forEach((k, a) => {
      if (k === undefined) return;
      const { only, entry } = k;
      for (const term of entry?.terms ?? [])
        add(
          this.phrase(term.phrase, 0, term.joiner ? joinWith(term.joiner) : undefined, term.derive === true),
          term.weight,
          false,
          term.requires === undefined ? undefined : this.phrase(term.requires, 0),
          term.requiresNear,
        );
      for (const trap of entry?.traps ?? []) traps.add(this.phrase(trap, 0, undefined, false, true));
      // A one-word topic the vocabulary does not know: its siblings ("tokenizer" for
      // tokenization, "private" for privacy) are a weak sign of it (a concept lists its own terms).
      if (entry === undefined && only.tokens.length === 1)
        for (const sibling of siblingsOf(only.tokens[0] as string))
          add(this.phrase({ tokens: [sibling], maxGap: 0 }, 0), SIBLING_WEIGHT, false);
      // A one-word topic found in a paper is a direct match already: the rest adds nothing.
      const own = only.tokens.filter((t) => !GENERIC_TOKENS.has(t) && !isJoiner(t));
      if (own.length === 0 || only.tokens.length < 2) return;
      for (const t of own) anchors.add(this.phrase({ tokens: [t], maxGap: 0 }, 0));
      if (!own.every(isCommonWord)) commonWords = false;
      const ubiquitous = only.tokens.some((t) => UBIQUITOUS_TOKENS.has(t));
      // Of two words that may stand apart, one far more common than the other may be missing
      // from a paper on the topic: "causal" through a paper is about causal inference.
      const telling = tellingWords(own);
      const alone = telling.length === 1 && canTellAlone(telling[0] as string);
      if (!compound && !ubiquitous && only.tokens.length === 2 && own.length === 2 && alone)
        tellingAlone.add(this.phrase({ tokens: telling, maxGap: 0 }, 0));
      if (!compound && !ubiquitous)
        for (const v of this.phrases[alternatives[a]![0]!]!.variants)
          together.set([...v.tokens].sort().join(' '), [...new Set(v.tokens)]);
      // With a ubiquitous word ("physics-informed neural networks"), its own words may stand
      // apart from it when none is research vocabulary itself ("Physics-Informed Power Flow").
      else if (!compound && own.length >= 2 && !own.some(isCommonWord))
        together.set([...own].sort().join(' '), [...new Set(own)]);
      const learned = Object.hasOwn(this.associations, only.tokens.join(' '))
        ? this.associations[only.tokens.join(' ')]
        : undefined;
      for (const term of learned ?? [])
        add(this.phrase({ tokens: term.split(' '), maxGap: 0 }, 0), ASSOCIATION_WEIGHT, true);
    });
    // Strongest first: evidence counts each place in a paper once, for its strongest term.
    // Ties keep the order the terms were added in (the concept's own order; sort is stable), not
    // their phrase ids: ids depend on the other topics of the index, and a topic must be judged
    // (and its reason quoted) alike in any index.
    const strongestFirst = [...related.values()].sort((a, b) => b.weight - a.weight);
    return {
      related: strongestFirst,
      traps: [...traps],
      anchors: [...anchors],
      together: [...together.values()],
      telling: [...tellingAlone],
      commonWords,
    };
  }

  private phrase(p: TopicPhrase, window: number, join?: RegExp, derive = false, acrossBrackets = false): number {
    const key = `${join ? join.source : window}${derive ? 'd' : ''}${acrossBrackets ? 'b' : ''}:${phraseKey(p)}`;
    const known = this.phraseIds.get(key);
    if (known !== undefined) return known;
    const id = this.phrases.length;
    const variants = expandVariants(p.tokens, derive);
    this.phrases.push({ id, maxGap: p.maxGap, window, join, acrossBrackets, variants });
    this.sourceOf.push(p.tokens.join(' '));
    this.phraseIds.set(key, id);
    this.topicsByPhrase.push([]);
    this.nominatesBeside.push([]);
    for (const variant of variants) {
      const first = variant.tokens[0] as string;
      const refs = this.byFirstToken.get(first) ?? [];
      refs.push({ phraseId: id, variant, rest: variant.tokens.slice(1).map((t) => this.tokenId(t)) });
      this.byFirstToken.set(first, refs);
    }
    return id;
  }

  private tokenId(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokenIds.size;
      this.tokenIds.set(token, id);
    }
    return id;
  }
}

export interface BuildIndexOptions {
  /** Called for a topic that cannot be parsed, which is then left out; without it, it throws.
   * One bad stored row should not stop matching for every other reader. */
  onInvalid?: (input: TopicInput, error: Error) => void;
  /** Learned term associations (`learnAssociations` over the stored papers); by default the
   * table shipped with the package, learned from real arXiv papers. `{}` turns them off. */
  associations?: AssociationTable;
  /** false: leave out the related-concepts vocabulary (its terms and traps), as for a topic
   * nobody wrote a concept for - the evaluation's proxy for unseen topics. Default true. */
  concepts?: boolean;
}

/** Builds the index once per matching run over the distinct topics; duplicates are merged. */
export function buildTopicIndex(topics: Iterable<TopicInput>, opts: BuildIndexOptions = {}): TopicIndex {
  const builder = new IndexBuilder(opts.associations ?? DEFAULT_ASSOCIATIONS, opts.concepts ?? true);
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
    nominatesBeside: builder.nominatesBeside,
    tokenIds: builder.tokenIds,
  };
}
