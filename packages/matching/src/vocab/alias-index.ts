// The alias table in token form: expansions become canonical token sequences, so a topic typed
// as an expansion collapses to its acronym (one key), and a topic's phrase expands back into
// every way a paper may write it (the variants the index looks for).
import { tokenize } from '../text/tokenize';
import { ALIASES, INTERCHANGEABLE, type AliasEntry } from './aliases.data';
import { siblingsOf } from './word-families';

const toTokens = (text: string): string[] => tokenize(text, 'topic').tokens;

/**
 * One way a paper may write a phrase. `free[j]`: whether stop words may stand before token j.
 * Inside an alias expansion only where the expansion has one ("mixture [of] experts"), so
 * "the graph of neural networks" is not "graph neural networks"; elsewhere they may.
 */
export interface PhraseVariant {
  tokens: string[];
  free: boolean[];
  /** Whether token j starts one of the reader's words (not the inside of an expansion): only
   * there may a proximity match insert other words ("protein [sequence] design"). */
  open: boolean[];
  /** Written with a sibling of one of the phrase's words (vocab/word-families.ts): found, it
   * weighs as a proximity match does. */
  derived?: boolean;
}

function expansionForm(text: string): PhraseVariant {
  const s = tokenize(text, 'topic');
  return { tokens: s.tokens, free: s.stops.map((n, j) => j === 0 || n > 0), open: s.tokens.map((_, j) => j === 0) };
}

const single = (token: string): PhraseVariant => ({ tokens: [token], free: [true], open: [true] });

/** "reinforcement learn human feedback" → RLHF entry (expansion tokens joined by spaces). */
const BY_EXPANSION = new Map<string, AliasEntry>();
/** Longest expansion in tokens, to bound the search. */
let LONGEST = 1;
/** "reward model" → entries that are narrower than that phrase (PRM, ORM). */
const NARROWER = new Map<string, AliasEntry[]>();
/** Canonical acronym → all ways to write it ([RLHF], [reinforcement learn human feedback]). */
const FORMS = new Map<string, PhraseVariant[]>();

for (const entry of ALIASES) {
  const forms: PhraseVariant[] = [single(entry.acronym)];
  for (const expansion of entry.expansions) {
    const form = expansionForm(expansion);
    BY_EXPANSION.set(form.tokens.join(' '), entry);
    LONGEST = Math.max(LONGEST, form.tokens.length);
    forms.push(form);
  }
  FORMS.set(entry.acronym, forms);
  for (const broader of entry.broader ?? []) {
    const key = toTokens(broader).join(' ');
    NARROWER.set(key, [...(NARROWER.get(key) ?? []), entry]);
  }
}

/** Replaces expansions inside a token sequence by their acronym, longest match first. */
export function collapseAliases(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let replaced = false;
    for (let len = Math.min(LONGEST, tokens.length - i); len >= 2 && !replaced; len -= 1) {
      const entry = BY_EXPANSION.get(tokens.slice(i, i + len).join(' '));
      if (entry) {
        out.push(entry.acronym);
        i += len;
        replaced = true;
      }
    }
    if (!replaced) out.push(tokens[i++] as string);
  }
  return out;
}

/** A topic's words as the matcher reads them: tokens, expansions collapsed to their acronym. */
export const topicTokens = (text: string): string[] => collapseAliases(toTokens(text));

/** Token forms of each INTERCHANGEABLE group ("test tim", "inferenc tim"). */
const INTERCHANGE_GROUPS: readonly (readonly string[][])[] = INTERCHANGEABLE.map((group) => group.map(toTokens));

const startsAt = (tokens: readonly string[], i: number, words: readonly string[]): boolean =>
  words.every((w, j) => tokens[i + j] === w);

/** The phrase with each interchangeable stretch written the other ways, one stretch at a time. */
function interchanged(tokens: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const group of INTERCHANGE_GROUPS)
    for (const words of group)
      for (let i = 0; i + words.length <= tokens.length; i += 1) {
        if (!startsAt(tokens, i, words)) continue;
        for (const other of group)
          if (other !== words) out.push([...tokens.slice(0, i), ...other, ...tokens.slice(i + words.length)]);
      }
  return out;
}

/** Caps the combinations of a phrase with several acronyms; beyond it the acronyms stay. */
const MAX_VARIANTS = 32;

/** Every token sequence a paper may use for this canonical phrase; with `derive`, also with its
 * words written as siblings of their families ("adversarially robust"), after every exact one. */
export function expandVariants(tokens: readonly string[], derive = false): PhraseVariant[] {
  const exact = [tokens, ...interchanged(tokens)].flatMap(expandOne);
  if (!derive) return dedupe(exact);
  let spellings: string[][] = [[]];
  for (const token of tokens)
    spellings = spellings.flatMap((s) => [token, ...siblingsOf(token)].map((w) => [...s, w])).slice(0, MAX_VARIANTS);
  const derived = spellings.slice(1).flatMap((s) => expandOne(s).map((v) => ({ ...v, derived: true })));
  return dedupe([...exact, ...derived]);
}

function expandOne(tokens: readonly string[]): PhraseVariant[] {
  let variants: PhraseVariant[] = [{ tokens: [], free: [], open: [] }];
  for (const token of tokens) {
    const forms = FORMS.get(token) ?? [single(token)];
    const next: PhraseVariant[] = [];
    for (const variant of variants) {
      for (const form of forms) {
        if (next.length >= MAX_VARIANTS && form !== forms[0]) continue;
        next.push({
          tokens: [...variant.tokens, ...form.tokens],
          free: [...variant.free, ...form.free],
          open: [...variant.open, ...form.open],
        });
      }
    }
    variants = next;
  }
  for (const narrower of NARROWER.get(tokens.join(' ')) ?? []) {
    variants.push(...(FORMS.get(narrower.acronym) ?? []));
  }
  return variants;
}

function dedupe(variants: PhraseVariant[]): PhraseVariant[] {
  const seen = new Set<string>();
  return variants.filter((v) => {
    const k = v.tokens.join(' ');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
