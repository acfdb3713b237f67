// "Add this topic": topics related to what a reader reads, to suggest on the preferences page —
// the topics other readers follow that matched the most papers of this reader's recent digests.
// Only topics at least MIN_READERS active readers follow are named (as on the subscribe form),
// so a suggestion never reveals that one particular person reads about something.
import type { Db } from '@paperboy/db';
import { AppError } from '../errors';
import { loadSubscriber } from '../subscribers/load-subscriber';
import { updatePreferences } from '../subscribers/preferences.usecase';
import type { ReaderDeps, RequestContext } from '../subscribers/reader-deps';
import { popularTopicLabels, relatedTopicRows, topicLabel, unfollowedTopicsOfDeliveries } from './feedback.store';

const MIN_READERS = 3;
const DAYS = 30;

export interface RelatedTopic {
  label: string;
  key: string;
  /** Papers of the reader's recent digests it matched. */
  papers: number;
}

export async function relatedTopics(
  db: Db,
  subscriberId: number,
  now = new Date(),
  limit = 3,
): Promise<RelatedTopic[]> {
  const since = new Date(now.getTime() - DAYS * 86_400_000);
  const rows = await relatedTopicRows(db, subscriberId, since, MIN_READERS, limit);
  return rows.filter((r) => r.label);
}

/** Rewrites the reader's topics through the preferences rules (limits, normalisation, backfill),
 * keeping their frequency and time zone. */
async function editTopics(
  deps: ReaderDeps,
  subscriberId: number,
  edit: (topics: { raw: string; key: string }[]) => string[],
  context: RequestContext,
) {
  const s = await loadSubscriber(deps.db, subscriberId);
  return updatePreferences(
    deps,
    subscriberId,
    { topics: edit(s.topics), frequency: s.frequency, timezone: s.timezone },
    context,
  );
}

/** Adds one topic to the reader's topics (the preferences rules: limits, normalisation, backfill). */
export function addTopic(deps: ReaderDeps, subscriberId: number, topic: string, context: RequestContext = {}) {
  return editTopics(deps, subscriberId, (topics) => [...topics.map((t) => t.raw), topic], context);
}

// "Add this topic" from the digest: at most one related topic per email, picked per send batch
// from the digest's own papers (no 30-day scan per reader): the topic other readers follow that
// the most of this digest's papers also matched, when at least MIN_PAPERS did. Readers never see
// a topic they already follow (muted ones included) or one fewer than MIN_READERS follow.
/** Papers of one digest a topic must have matched to be suggested in it. */
export const SUGGEST_MIN_PAPERS = 2;

export interface DigestSuggestion {
  key: string;
  label: string;
  /** Papers of this digest it matched. */
  papers: number;
}

interface Popularity {
  /** The labels found by the statement that looked this key up (shared by the keys it asked for). */
  found: Promise<Map<string, string>>;
  at: number;
}
/** Per database (test databases must not meet), per topic key: its label when enough readers follow it. */
const popularity = new WeakMap<Db, Map<string, Popularity>>();
const POPULARITY_TTL_MS = 10 * 60_000;
const POPULARITY_LIMIT = 50_000;

/**
 * The label of each key at least MIN_READERS active readers follow (others absent); cached 10 min
 * per process. A key being looked up is cached as its pending statement, so the send batches that
 * miss it at the same moment (every batch at the start of a morning, and again when the entries
 * expire) wait for that one statement instead of each running their own: at a million readers it
 * aggregates a couple of million topic rows, ~2 s. A failed look-up is forgotten at once, so the
 * next batch asks again rather than going without suggestions for ten minutes.
 */
async function popularLabels(db: Db, keys: readonly string[], now = Date.now()): Promise<Map<string, string>> {
  let cache = popularity.get(db);
  if (!cache || cache.size > POPULARITY_LIMIT) {
    cache = new Map();
    popularity.set(db, cache);
  }
  const entries = cache;
  const missing = keys.filter((k) => {
    const known = entries.get(k);
    return !known || now - known.at > POPULARITY_TTL_MS;
  });
  if (missing.length > 0) {
    const found = popularTopicLabels(db, missing, MIN_READERS).then(
      (rows) => new Map(rows.map((r) => [r.key, r.label])),
    );
    const entry: Popularity = { found, at: now };
    for (const k of missing) entries.set(k, entry);
    found.catch(() => {
      for (const k of missing) if (entries.get(k) === entry) entries.delete(k);
    });
  }
  const out = new Map<string, string>();
  for (const k of keys) {
    const label = (await entries.get(k)?.found)?.get(k);
    if (label) out.set(k, label);
  }
  return out;
}

/** The suggestion of each of these digests that has one (one statement, plus the popularity of keys not seen for 10 min). */
export async function suggestTopicsForDeliveries(
  db: Db,
  deliveryIds: readonly number[],
): Promise<Map<number, DigestSuggestion>> {
  const out = new Map<number, DigestSuggestion>();
  if (deliveryIds.length === 0) return out;
  const rows = await unfollowedTopicsOfDeliveries(db, deliveryIds, SUGGEST_MIN_PAPERS);
  if (rows.length === 0) return out;
  const labels = await popularLabels(db, [...new Set(rows.map((r) => r.key))]);
  for (const r of rows) {
    const label = labels.get(r.key);
    if (!label) continue;
    const best = out.get(r.id);
    if (!best || r.papers > best.papers || (r.papers === best.papers && r.key < best.key))
      out.set(r.id, { key: r.key, label, papers: r.papers });
  }
  return out;
}

export type FollowState = 'followed' | 'not_followed';

/** What an "add this topic" link is about: the topic's usual wording and whether the reader follows it. */
export async function describeSuggestedTopic(db: Db, subscriberId: number, key: string) {
  const s = await loadSubscriber(db, subscriberId);
  const own = s.topics.find((t) => t.key === key);
  if (own) return { key, label: own.raw, state: 'followed' as FollowState };
  const label = await topicLabel(db, key);
  if (!label)
    throw new AppError('not_found', 'Nobody follows this topic any more, so it cannot be added from this link.');
  return { key, label, state: 'not_followed' as FollowState };
}

/**
 * "Add this topic" (do = 'add') or its undo (do = 'remove'), idempotent: adding a topic the
 * reader follows, or removing one they do not, changes nothing. Returns the state before, for undo.
 */
export async function setSuggestedTopic(
  deps: ReaderDeps,
  subscriberId: number,
  key: string,
  action: 'add' | 'remove',
  context: RequestContext = {},
): Promise<{ key: string; label: string; state: FollowState; previous: FollowState }> {
  const before = await describeSuggestedTopic(deps.db, subscriberId, key);
  const state: FollowState = action === 'add' ? 'followed' : 'not_followed';
  if (before.state === state) return { key, label: before.label, state, previous: before.state };
  if (action === 'add') await addTopic(deps, subscriberId, before.label, context);
  else await editTopics(deps, subscriberId, (topics) => topics.filter((t) => t.key !== key).map((t) => t.raw), context);
  return { key, label: before.label, state, previous: before.state };
}
