// "papers on diffusion models", "recent advances in RAG", "diffusion models research": the words
// around the topic ask for papers, they are not the topic. Papers do not write them next to it,
// so left in they cost the reader most of the topic's papers (over the tuning splits' 68 topics,
// "X research" kept 0.69 of the recall, "papers on X" 0.19).

const LEADING =
  /^(?:(?:the\s+)?(?:recent|latest|new|current)\s+)?(?:papers?|research|work|studies|study|advances|progress|developments?|anything|everything|articles?)\s+(?:on|in|about|into|of|regarding|related\s+to)\s+(?=\S)/i;
const TRAILING = /\s+(?:research|papers|studies|literature|work)$/i;
/** "latest diffusion models papers", "recent RAG work": no concept starts with these words. */
const FRESH = /^(?:the\s+)?(?:latest|recent|newest|new|current)\s+(?=\S)/i;

/**
 * The topic without the words that ask for papers about it. A trailing "papers" goes, and with
 * it a leading "latest" or "new"; a trailing "research" or "work" only when what is left names a
 * concept the vocabulary knows ("operations research", "deep research" and "ML for scientific
 * research" keep it). `names` says whether words name a concept.
 */
export function withoutRequestWords(text: string, names: (text: string) => boolean): string {
  const rest = text.replace(LEADING, '');
  const trimmed = rest.replace(TRAILING, '');
  if (trimmed === rest) return rest;
  const fresh = trimmed.replace(FRESH, '');
  // "papers" ends no name; "research" ends some ("operations research").
  const asking = /(papers|studies|literature)$/i.test(rest);
  if (names(fresh) || asking) return fresh;
  return names(trimmed) ? trimmed : rest;
}
