// Guidance on each topic a reader types, from the same engine and snapshot as the live preview:
// how many recent papers it matches and what share of them, "did you mean" for a misspelt word,
// "too broad" or "nothing recent" with related topics that do have papers. Every count shown,
// a suggestion's included, is the matching engine's own count over the preview's window.
import {
  didYouMean,
  normalizeTopic,
  relatedTopicCandidates,
  topicStanding,
  type AssociationTable,
  type StandingOptions,
  type TermVocabulary,
  type TopicStanding,
} from '@paperboy/matching';

export interface CountedTopic {
  topic: string;
  /** Recent papers it matches. */
  count: number;
}

export interface TopicGuidance extends CountedTopic {
  /** Its share of the window's papers, 0 to 1. */
  share: number;
  standing: TopicStanding;
  /** The topic spelt as papers spell it (shown unless the typed spelling matches more). */
  didYouMean?: CountedTopic;
  /** For a broad topic narrower ones, for a quiet one related ones; each with papers, most first. */
  suggestions: CountedTopic[];
}

export interface GuidanceContext {
  windowPapers: number;
  vocabulary: TermVocabulary;
  associations: AssociationTable;
  standing: StandingOptions;
  /** The engine's match count for each topic (key → count), in one run for all of them. */
  count(topics: { key: string; raw: string }[]): Map<string, number>;
}

/** Suggestions shown per topic. */
export const SUGGESTIONS_PER_TOPIC = 4;
/** Candidates counted per topic and per request: each new one is a topic the engine matches. */
const CANDIDATES_PER_TOPIC = 6;
const CANDIDATES_PER_REQUEST = 40;

const keyOf = (text: string): string | undefined => {
  try {
    return normalizeTopic(text).key;
  } catch {
    return undefined;
  }
};

export function guideTopics(topics: { key: string; raw: string }[], context: GuidanceContext): TopicGuidance[] {
  const own = context.count(topics);
  const plans = topics.map((t) => {
    const count = own.get(t.key) ?? 0;
    const standing = topicStanding(count, context.windowPapers, context.standing);
    const fix = didYouMean(t.raw, context.vocabulary);
    const fixKey = fix ? keyOf(fix.text) : undefined;
    const related =
      standing === 'ok'
        ? []
        : relatedTopicCandidates(normalizeTopic(t.raw), standing, {
            vocabulary: context.vocabulary,
            associations: context.associations,
            limit: CANDIDATES_PER_TOPIC,
          });
    return { t, count, standing, fix: fix && fixKey ? { key: fixKey, raw: fix.text } : undefined, related };
  });
  const candidates = new Map<string, { key: string; raw: string }>();
  for (const plan of plans) {
    for (const c of [...(plan.fix ? [plan.fix] : []), ...plan.related.map((raw) => ({ key: keyOf(raw), raw }))]) {
      if (c.key && !candidates.has(c.key) && candidates.size < CANDIDATES_PER_REQUEST)
        candidates.set(c.key, { key: c.key, raw: c.raw });
    }
  }
  const counts = context.count([...candidates.values()]);
  const broadLimit = context.standing.broadShare * context.windowPapers;
  const typed = new Set(topics.map((t) => t.key));
  return plans.map(({ t, count, standing, fix, related }) => {
    const fixCount = fix ? (counts.get(fix.key) ?? 0) : 0;
    const suggestions = related
      .map((raw) => ({ raw, key: keyOf(raw) }))
      .filter((c) => c.key && c.key !== fix?.key && !typed.has(c.key) && candidates.has(c.key))
      .map((c) => ({ topic: c.raw, count: counts.get(c.key as string) ?? 0 }))
      .filter((c) => c.count > 0 && (standing !== 'broad' || c.count <= broadLimit))
      .sort((a, b) => b.count - a.count)
      .slice(0, SUGGESTIONS_PER_TOPIC);
    return {
      topic: t.raw,
      count,
      share: context.windowPapers > 0 ? count / context.windowPapers : 0,
      standing,
      // Only a spelling that papers use more: "bridge" is no typo of "ridge" when neither has any.
      ...(fix && fixCount > count ? { didYouMean: { topic: fix.raw, count: fixCount } } : {}),
      suggestions,
    };
  });
}
