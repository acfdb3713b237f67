// "Did you mean …?": a reader's topic with each rare or unknown word replaced by a frequent word
// of the vocabulary a letter or two away ("difusion models" → "diffusion models"). Conservative
// on purpose: a word the papers use often enough is never touched, a suggestion must be used far
// more than the word typed, and ties go to the most used word.
import { ACRONYMS } from '../vocab/acronyms';
import { STOPWORDS } from '../text/stopwords.data';
import { allowedEdits, boundedEditDistance } from './edit-distance';
import { foldWord, type TermVocabulary } from './vocabulary';

export interface SpellingOptions {
  /** A word used by at least this many papers is taken as meant. */
  knownDocs: number;
  /** Papers a suggested word must be used by. */
  minSuggestionDocs: number;
  /** How many times more papers the suggestion must be used by than the word typed. */
  minRatio: number;
}

export const DEFAULT_SPELLING_OPTIONS: SpellingOptions = { knownDocs: 3, minSuggestionDocs: 3, minRatio: 5 };

export interface SpellingFix {
  /** The topic with its misspelt words replaced, everything else as typed. */
  text: string;
  corrections: { from: string; to: string }[];
}

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** The replacement in the typed word's case: "Difusion" → "Diffusion", "DIFUSION" → "DIFFUSION". */
function inCaseOf(typed: string, word: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return word.toUpperCase();
  if (typed[0] !== undefined && typed[0] === typed[0].toUpperCase()) return word[0]?.toUpperCase() + word.slice(1);
  return word;
}

/** The most used vocabulary word within the allowed edits of `word`, if it is a clear improvement. */
export function closestWord(
  word: string,
  vocabulary: TermVocabulary,
  options: SpellingOptions = DEFAULT_SPELLING_OPTIONS,
): string | undefined {
  const folded = foldWord(word);
  const max = allowedEdits(folded.length);
  const own = vocabulary.words.get(folded) ?? 0;
  if (max === 0 || own >= options.knownDocs) return undefined;
  const needed = Math.max(options.minSuggestionDocs, own * options.minRatio);
  let best: { word: string; distance: number; docs: number } | undefined;
  for (let length = folded.length - max; length <= folded.length + max; length += 1) {
    for (const candidate of vocabulary.byLength.get(length) ?? []) {
      const docs = vocabulary.words.get(candidate) ?? 0;
      // Most used first within a length: nothing further in this list can qualify.
      if (docs < needed) break;
      const limit = best ? Math.min(max, best.distance) : max;
      const distance = boundedEditDistance(folded, candidate, limit);
      if (distance > limit || distance === 0) continue;
      if (!best || distance < best.distance || docs > best.docs) best = { word: candidate, distance, docs };
    }
  }
  return best?.word;
}

/** The topic spelt as the papers spell it, or undefined when every word looks meant. */
export function didYouMean(
  topic: string,
  vocabulary: TermVocabulary,
  options: SpellingOptions = DEFAULT_SPELLING_OPTIONS,
): SpellingFix | undefined {
  const corrections: SpellingFix['corrections'] = [];
  const text = topic.replace(WORD, (typed) => {
    // Operators, acronyms (known or written in capitals) and function words are meant as typed.
    if (typed === 'OR' || ACRONYMS.has(typed.toLowerCase()) || STOPWORDS.has(typed.toLowerCase())) return typed;
    if (typed.length > 1 && typed.slice(1) !== typed.slice(1).toLowerCase()) return typed;
    const fixed = closestWord(typed, vocabulary, options);
    if (!fixed) return typed;
    const to = inCaseOf(typed, fixed);
    corrections.push({ from: typed, to });
    return to;
  });
  return corrections.length > 0 ? { text, corrections } : undefined;
}
