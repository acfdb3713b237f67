// "reinforcement learning from human feedback (RLHF)", "continual learning (CL)": readers often
// type a name with its acronym in brackets, as papers introduce it. The bracket restates the
// words before it; kept, the topic became "RLHF RLHF", a phrase no paper writes.
import { topicTokens } from '../vocab/alias-index';

const BRACKETED = /\s*\(([^()]{1,80})\)/g;
/** An acronym as written in brackets: letters and digits, a plural "s" at most after them. */
const ACRONYM = /^([A-Za-z0-9]{2,10}?)s?$/;

/** Whether `inside` says again the words that end `before`: the same words once aliases meet
 * ("(RLHF)", "(3DGS)"), or the initials of as many words ("(CL)", "(LRMs)"). */
function restates(before: string, inside: string): boolean {
  const said = topicTokens(before);
  const again = topicTokens(inside);
  if (
    again.length > 0 &&
    again.length <= said.length &&
    again.every((t, j) => said[said.length - again.length + j] === t)
  )
    return true;
  const letters = ACRONYM.exec(inside.trim())?.[1]?.toLowerCase();
  if (letters === undefined) return false;
  const words = before
    .trim()
    .split(/[\s-]+/)
    .slice(-letters.length);
  return words.length === letters.length && words.every((w, j) => standsFor(w, letters[j] as string));
}

/** Whether a word's letter in an acronym is `letter`: its initial, or 2 for "to" ("T2I") and 4
 * for "for". */
function standsFor(word: string, letter: string): boolean {
  const lower = word.toLowerCase();
  return lower[0] === letter || (lower === 'to' && letter === '2') || (lower === 'for' && letter === '4');
}

/** The topic without brackets that restate the words before them; other brackets stay. */
export function withoutRestatedAcronyms(text: string): string {
  const kept = text.replace(BRACKETED, (whole, inside: string, offset: number) =>
    restates(text.slice(0, offset), inside) ? ' ' : whole,
  );
  return kept === text ? text : kept.replace(/\s+/g, ' ').trim();
}
