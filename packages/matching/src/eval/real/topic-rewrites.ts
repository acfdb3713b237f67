// Every topic of the tuning splits rewritten the same mechanical way ("papers on X", "X models",
// its last word's number flipped): where typed-topics.json holds spellings a person wrote for 30
// topics, these cover all of them, so a rule that reads one kind of wording breaks nowhere
// unnoticed. Scored like the typed lists (evaluateTyped), over the tuning splits only.

/** Rewrite name → how it rewrites a topic (undefined: the topic has no such form). */
export const TOPIC_REWRITES: Readonly<Record<string, (topic: string) => string | undefined>> = {
  'number flipped': (t) => {
    const last = t.split(' ').pop() as string;
    if (/[^s]s$/.test(last)) return `${t.slice(0, -1)}`;
    return /[a-z]$/.test(last) ? `${t}s` : undefined;
  },
  'lower case': (t) => (t.toLowerCase() === t ? undefined : t.toLowerCase()),
  'X models': (t) => (/(models?|systems?|networks?)$/.test(t) ? undefined : `${t} models`),
  'X methods': (t) => `${t} methods`,
  'X research': (t) => `${t} research`,
  'papers on X': (t) => `papers on ${t}`,
  'latest X papers': (t) => `latest ${t} papers`,
  'deep learning for X': (t) => (/^AI /.test(t) ? undefined : `deep learning for ${t}`),
  'applications of X': (t) => `applications of ${t}`,
};

/** Each rewrite as a typed list: labelled topic → its rewritten spelling. */
export function rewrittenLists(topics: readonly string[]): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(TOPIC_REWRITES).map(([name, rewrite]) => [
      name,
      Object.fromEntries(topics.flatMap((t) => (rewrite(t) === undefined ? [] : [[t, rewrite(t) as string]]))),
    ]),
  );
}
