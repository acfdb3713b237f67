// A topic key is a canonical, readable serialisation of a ParsedTopic's query:
//   phrases joined by " & " (AND), alternatives by " | " (OR), exclusions as " -phrase",
//   a quoted phrase allows no extra words. e.g. `"diffusion model" | scor based model -survey`.
// It round-trips, so matching can run from the stored keys alone (SELECT DISTINCT key).
import type { ParsedTopic, TopicPhrase } from '../types';
import { TopicError } from './topic-error';

export const LOOSE_GAP = 1;

export function phraseKey(p: TopicPhrase): string {
  const text = p.tokens.join(' ');
  return p.maxGap === 0 && p.tokens.length > 1 ? `"${text}"` : text;
}

export const alternativeKey = (alt: readonly TopicPhrase[]): string => alt.map(phraseKey).join(' & ');

/** Sorted, de-duplicated: the key must not depend on the order the reader typed things in. */
function uniqueSorted<T>(items: T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as T);
}

export function canonicalQuery(
  alternatives: TopicPhrase[][],
  exclusions: TopicPhrase[],
): { alternatives: TopicPhrase[][]; exclusions: TopicPhrase[] } {
  const alts = alternatives.map((a) => uniqueSorted(a, phraseKey));
  return { alternatives: uniqueSorted(alts, alternativeKey), exclusions: uniqueSorted(exclusions, phraseKey) };
}

export function serializeTopicKey(alternatives: TopicPhrase[][], exclusions: TopicPhrase[]): string {
  return alternatives.map(alternativeKey).join(' | ') + exclusions.map((p) => ` -${phraseKey(p)}`).join('');
}

function parsePhrase(text: string): TopicPhrase {
  const quoted = text.length > 2 && text.startsWith('"') && text.endsWith('"');
  const tokens = (quoted ? text.slice(1, -1) : text).split(' ').filter((t) => t !== '');
  return { tokens, maxGap: quoted || tokens.length === 1 ? 0 : LOOSE_GAP };
}

/** Rebuilds the query of a stored key; throws TopicError('invalid') if it is not canonical. */
export function parseTopicKey(key: string, label?: string): ParsedTopic {
  if (typeof key !== 'string' || key.trim() === '')
    throw new TopicError('invalid', 'A topic key must be a non-empty string.');
  const [positive = '', ...excluded] = key.split(' -');
  const alternatives = positive.split(' | ').map((alt) => alt.split(' & ').map(parsePhrase));
  const exclusions = excluded.map(parsePhrase);
  const ok = [...alternatives.flat(), ...exclusions].every((p) => p.tokens.length > 0);
  const canonical = canonicalQuery(alternatives, exclusions);
  if (!ok || serializeTopicKey(canonical.alternatives, canonical.exclusions) !== key) {
    throw new TopicError('invalid', `"${key}" is not a canonical topic key (normalise the topic as typed instead).`);
  }
  return { raw: label ?? key, key, label: label ?? key, alternatives, exclusions };
}
