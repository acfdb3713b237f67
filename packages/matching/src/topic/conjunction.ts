// "robot grasping and manipulation" is two topics a reader folded into one: "robot grasping" |
// "robot manipulation". Read as one phrase it needs both words in a row, which papers rarely
// write, so a reader following it heard of nothing.
import type { QueryPart } from './query-lexer';

const AND = /\s+(?:and|&)\s+/i;

/**
 * The bare words of a topic with one "and" → its two sides as alternatives, or undefined to keep
 * the words as one phrase. One word after "and" shares the words before it ("medical image
 * segmentation and analysis" → "medical image analysis"), unless that names nothing while the
 * word alone does ("diffusion models and GANs"). One word before it shares the words after ("image
 * and video generation" → "image generation"). `names` says whether words name something the
 * vocabulary knows: such a name is left whole ("simultaneous localization and mapping", "vision
 * and language models").
 */
export function splitConjunction(words: string, names: (text: string) => boolean): [string, string] | undefined {
  const sides = words.split(AND);
  if (sides.length !== 2 || names(words)) return undefined;
  const [left, right] = sides as [string, string];
  const before = left.split(' ');
  const after = right.split(' ');
  // "image and video generation": one word before shares the words after ("image generation").
  if (after.length > 1) return before.length > 1 ? [left, right] : [[left, ...after.slice(1)].join(' '), right];
  const shared = [...before.slice(0, -1), right].join(' ');
  if (before.length > 1 && !names(shared) && (names(right) || /\p{Lu}/u.test(right))) return [left, right];
  return [left, shared];
}

/** The query with a single phrase of bare words split at its "and" into OR alternatives. */
export function expandConjunction(parts: QueryPart[], names: (text: string) => boolean): QueryPart[] {
  const positive = parts.filter((p) => p.kind !== 'or' && !p.exclude);
  const only = positive.length === 1 && positive[0]?.kind === 'words' ? positive[0] : undefined;
  if (only === undefined || parts.some((p) => p.kind === 'or')) return parts;
  const sides = splitConjunction(only.text, names);
  if (sides === undefined) return parts;
  return parts.flatMap((p) =>
    p === only
      ? [
          { kind: 'words', text: sides[0], exclude: false },
          { kind: 'or' },
          { kind: 'words', text: sides[1], exclude: false },
        ]
      : [p],
  );
}
