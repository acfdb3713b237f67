// Splits a topic as typed into query parts: quoted phrases, bare words, `OR` (or `|`) and
// exclusions (`-survey`, `-"literature review"`). A hyphen inside a word ("reward-models") is
// part of the word; only a hyphen that starts a word excludes.

export type QueryPart =
  | { kind: 'words'; text: string; exclude: boolean }
  | { kind: 'quoted'; text: string; exclude: boolean }
  | { kind: 'or' };

// A quoted phrase (closing quote optional: a reader's typo should not lose the topic), the OR
// operator in capitals or as "|", or a run of non-space characters.
// A leading minus may also be the typographic minus or the en dash phones substitute.
const PART = /([-−–]?)["“”]([^"“”]*)["“”]?|(?<![^\s])(OR|\|)(?![^\s])|([-−–]?)([^\s"“”|]+)/g;

export function lexQuery(raw: string): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const m of raw.matchAll(PART)) {
    const [, qMinus, quoted, or, wMinus, word] = m;
    if (quoted !== undefined) {
      parts.push({ kind: 'quoted', text: quoted, exclude: qMinus !== '' });
    } else if (or !== undefined) {
      parts.push({ kind: 'or' });
    } else if (word !== undefined) {
      parts.push({ kind: 'words', text: word, exclude: wMinus !== '' });
    }
  }
  return mergeWords(parts);
}

/** Consecutive bare words form one phrase: "reward models" is a phrase, not two words. */
function mergeWords(parts: QueryPart[]): QueryPart[] {
  const out: QueryPart[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (part.kind === 'words' && !part.exclude && prev?.kind === 'words' && !prev.exclude) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${part.text}` };
    } else {
      out.push(part);
    }
  }
  return out;
}
