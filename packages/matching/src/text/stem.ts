// A light, conservative stemmer: plurals, -ing, -ed and a final -e, so that inflections of one
// word meet ("models"/"model", "encoding"/"encode", "modelling"/"modeling"). It runs on topics and
// papers alike, so it only has to be consistent, not pretty: topic keys are made of these stems.

/** Irregular or misleading forms, mapped to what their regular sibling stems to. */
const IRREGULAR: Record<string, string> = {
  analyses: 'analysis',
  hypotheses: 'hypothesis',
  theses: 'thesis',
  biases: 'bias',
  lenses: 'lens',
  aliases: 'alias',
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  corpora: 'corpus',
  children: 'child',
  caches: 'cach',
  niches: 'nich',
  embed: 'embed',
  embeds: 'embed',
};

/** Words that look inflected but are not (or whose stem would collide). */
const KEEP = new Set([
  'bias',
  'gas',
  'atlas',
  'alias',
  'lens',
  'canvas',
  'chaos',
  'ethos',
  'kudos',
  'news',
  'series',
  'species',
  'thus',
  'has',
  'was',
  'is',
  'its',
  'this',
  'less',
  'speed',
  'seed',
  'need',
  'feed',
  'bed',
  'red',
  'shed',
  'bring',
  'string',
  'spring',
  'during',
  'ring',
  'king',
  'thing',
  'sing',
]);

/** -tion nouns that are not the act of their verb ("action" is not "act", "station" not "state"). */
const KEEP_ION = new Set([
  'action',
  'station',
  'nation',
  'section',
  'fraction',
  'function',
  'projection',
  'ration',
  'fiction',
  'auction',
  'sanction',
  'faction',
  'junction',
]);

const VOWEL = /[aeiouy]/;

function stripPlural(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ch|sh|x|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is|os)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** "embedding" → "embedd" → "embed": undo the consonant doubling of -ing/-ed. */
function undouble(w: string): string {
  const last = w[w.length - 1];
  if (w.length > 3 && last === w[w.length - 2] && last !== 's' && !VOWEL.test(last ?? '')) {
    return w.slice(0, -1);
  }
  return w;
}

function stripSuffix(w: string, suffix: string): string | undefined {
  if (!w.endsWith(suffix)) return undefined;
  const stem = w.slice(0, -suffix.length);
  // Too short or vowel-less remainders mean the suffix was part of the word ("string", "red").
  if (stem.length < 3 || !VOWEL.test(stem)) return undefined;
  return undouble(stem);
}

/** Stems one lower-case word. Words with digits are left alone ("gpt4", "3d"). */
export function stemWord(word: string): string {
  // Own keys only: a paper's word may be "constructor" or "toString".
  const irregular = Object.hasOwn(IRREGULAR, word) ? IRREGULAR[word] : undefined;
  if (irregular !== undefined) return irregular;
  if (KEEP.has(word) || /\d/.test(word) || word.length <= 3) return word;
  let w = stripPlural(word);
  // "evaluation" meets "evaluating", "detection" meets "detect": -ion after t, as in -ation/-ction.
  if (/(at|ct)ion$/.test(w) && !KEEP_ION.has(w)) return w.slice(0, -3);
  if (w.length >= 6 || word.length >= 6) {
    w = stripSuffix(w, 'ing') ?? stripSuffix(w, 'ed') ?? w;
  }
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}
