// How much one mention of a topic in an abstract says, from the words around it. A paper is
// about what it names as its own subject; the same words count for little as an item of a list
// or an example ("tasks such as math reasoning or code generation"), in the sentence reporting
// experiments ("Experiments on ... code generation benchmarks"), and for nothing when negated
// ("without using a preset diffusion model"); a baseline the paper beats ("faster than diffusion
// models") counts as a list item.
import { BACKGROUND_MENTION, LIST_ITEM_MENTION } from './evidence-weights';
import type { Occurrence } from './phrase-search';

const LIST_BEFORE = /(?:,|\band|\bor)\s*$/i;
const LIST_AFTER = /^\s*(?:,|and\b|or\b)/i;
const EXAMPLES_BEFORE = /(?:such as|including|e\.g\.,?|like)\s*$/i;
/** Markers that open a list of examples; "from" and "both" only as "from A to X", "both A and X". */
const LIST_OPENER = /\b(?:such as|including|includes?|e\.g\.|for example|for instance|ranging from|from|both|like)\b/gi;
/** "without (using) a preset X", "rather than X": at most three words between, no comma. */
const NEGATED_BEFORE =
  /\b(?:without|w\/o|instead of|rather than|unlike|no need for|free of|not (?:use|using|rely on|relying on|require|requiring))\s+(?:[^\s,;:]+\s+){0,3}$/i;
/** A baseline the paper measures itself against: "outperforms diffusion-based policies",
 * "faster than diffusion models", "compared with GNNs". */
const COMPARED_BEFORE =
  /\b(?:than|compared (?:to|with)|in comparison (?:to|with)|versus|vs\.?|outperform(?:s|ing|ed)?|surpass(?:es|ing|ed)?|beat(?:s|ing)?|rival(?:s|ing)?)\s+(?:[^\s,;:]+\s+){0,3}$/i;
/** Prior work the paper sets itself against ("Existing methods rely on X", "While recent work
 * explored X, ..."): a mention there weighs less. */
const BACKGROUND_SENTENCE =
  /^(?:however,?\s+)?(?:existing|current|conventional|traditional(?:ly)?|prior|previous(?:ly)?|while|although|recent (?:work|works|studies|methods|approaches))\b/i;
/** The field an opening sentence credits something else with changing ("Transformers have
 * revolutionized NLP", "LLMs have shown remarkable success in code generation"): the setting,
 * not the subject. */
const CREDITED_BEFORE =
  /(?:\b(?:revolutioni[sz]ed|transformed|reshaped|(?:achieved|shown|demonstrated|made)\s+(?:[^\s,;:]+\s+){0,3}(?:success|successes|progress|advances|breakthroughs|promise|performance|capabilities|improvements?|gains)\s+(?:in|on|across|for)|widely\s+(?:used|adopted|applied|studied)\s+(?:in|for|across))|^(?:recent\s+)?(?:advances|progress|developments|breakthroughs)\s+in)\s+(?:[^\s,;:]+\s+){0,3}$/i;
const EXPERIMENTS_SENTENCE =
  /^(?:(?:extensive|comprehensive|empirical|further|our|numerical)\s+)?(?:experiments?|evaluations?|experimental results|results|we (?:evaluate|test|validate|benchmark|conduct|experiment)|evaluated|tested|validated)\b/i;
/** The start of a list's next item, a modifier or two before the mention allowed. */
const ITEM_START = /(?:,|\band|\bor|\bto)\s+(?:[^\s,;:]+\s+){0,2}$/i;
/** A list opened this many words back or more is not this mention's list. */
const MAX_LIST_WORDS = 20;
/** "…traditionally implemented as a cascade of speech recognition": earlier practice. */
const BACKGROUND_WORD = /\b(?:traditionally|conventionally|previously|classically)\b/i;
/** "…in four categories: attacks on A, B; attacks exploiting X and Y;": an item of a list the
 * sentence announced with a colon. */
const COLON_LIST = /:\s[^.:]*;\s/;

/** The text of the sentence the occurrence stands in, up to the occurrence ("; " ends a sentence
 * unless `keepSemicolons`). */
function sentenceBefore(text: string, start: number, keepSemicolons = false): string {
  const head = text.slice(Math.max(0, start - 400), start);
  const semicolon = keepSemicolons ? -1 : head.lastIndexOf('; ');
  const cut = Math.max(head.lastIndexOf('. '), semicolon, head.lastIndexOf('? '), head.lastIndexOf('! '));
  return cut < 0 ? head : head.slice(cut + 2);
}

function inExampleList(before: string, after: string): boolean {
  if ((LIST_BEFORE.test(before) && LIST_AFTER.test(after)) || EXAMPLES_BEFORE.test(before)) return true;
  let opener: RegExpExecArray | undefined;
  for (const m of before.matchAll(LIST_OPENER)) opener = m;
  if (opener === undefined) return false;
  const tail = before.slice(opener.index + opener[0].length);
  const words = tail.split(/\s+/).filter(Boolean);
  if (/[;:()]/.test(tail) || words.length > MAX_LIST_WORDS) return false;
  const word = opener[0].toLowerCase();
  if (word === 'from' && !/\bto\b/i.test(tail)) return false;
  if (word === 'both' && !/\band\b/i.test(tail)) return false;
  // "include(s)" opens a list only when items follow ("include A, B and X"), not in "our method
  // includes a diffusion model"; the item may carry a word or two ("...and neural machine translation").
  return (words.length <= 2 && !word.startsWith('include')) || ITEM_START.test(tail);
}

/** The share of its place's weight that a mention in the abstract keeps (0 when negated). */
export function mentionShare(text: string, occ: Occurrence): number {
  // A paper's occurrence of a phrase is shared by every topic using that phrase (a related term
  // of many topics): its context is read once, not once per topic.
  const known = SHARES.get(occ);
  if (known !== undefined && known.text === text) return known.share;
  const share = readShare(text, occ);
  SHARES.set(occ, { text, share });
  return share;
}

const SHARES = new WeakMap<Occurrence, { text: string; share: number }>();

function readShare(text: string, occ: Occurrence): number {
  const before = sentenceBefore(text, occ.start);
  if (NEGATED_BEFORE.test(before)) return 0;
  const after = text.slice(occ.end, occ.end + 6);
  if (inExampleList(before, after)) return LIST_ITEM_MENTION;
  if (COLON_LIST.test(sentenceBefore(text, occ.start, true))) return LIST_ITEM_MENTION;
  if (COMPARED_BEFORE.test(before)) return LIST_ITEM_MENTION;
  if (CREDITED_BEFORE.test(before.trimStart())) return BACKGROUND_MENTION;
  // Past the opening sentences, "we evaluate X" reports experiments; first, it states the subject.
  if (occ.sentence >= 2 && EXPERIMENTS_SENTENCE.test(before.trimStart())) return LIST_ITEM_MENTION;
  return BACKGROUND_SENTENCE.test(before.trimStart()) || BACKGROUND_WORD.test(before) ? BACKGROUND_MENTION : 1;
}
