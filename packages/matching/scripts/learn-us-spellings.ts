// Writes src/text/us-spellings.data.json: the stems of the British spellings papers use
// ("optimisation", "behaviour", "centre", "analyse") with the stems of the American ones most
// papers write for them, so that a topic typed either way meets papers written either way, in
// every form of the word ("quantise", "quantised", "quantising" all meet "quantize"). Learned from
// the real arXiv corpus (docs/architecture.md, "Evaluation data"; evaluation papers left out): a
// word is a British spelling when a rule below turns it into a word at least twice as many papers
// use and the two stem apart; its stem is mapped only when every word of the corpus with that stem
// is such a spelling (no American word shares it). A derived statistic: stems and counts, never
// texts.
// Run from the repository root: npx tsx --conditions=source packages/matching/scripts/learn-us-spellings.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stemWord } from '../src/text/stem';
import { corpusOrExit, REPO_ROOT } from './corpus';

/** A spelling fewer papers use is a typo or a name. */
const MIN_PAPERS = 3;
/** How many times more papers must use the American spelling. */
const MIN_RATIO = 2;

/** British → American, each rule one way the two differ. */
const RULES: [RegExp, string][] = [
  [/is(e|ed|es|ing|ation|ations|ational|er|ers|able)$/, 'iz$1'], // optimisation, personalised
  [/ys(e|ed|es|ing|er|ers)$/, 'yz$1'], // analyse, catalysed
  [/([a-z]{2,})our(s|ed|ing|al|ally|able|ably|ite|ites|hood|hoods|less)?$/, '$1or$2'], // behaviour, colour
  [/([a-z]{3,})tre(s|d)?$/, '$1ter$2'], // centre, metre
  [/([a-z]{2,})ence$/, '$1ense'], // licence, defence
];

const corpus = corpusOrExit();
const papersUsing = new Map<string, number>();
for (const p of corpus)
  for (const w of new Set(`${p.title} ${p.abstract}`.toLowerCase().match(/[a-z]+/g) ?? []))
    papersUsing.set(w, (papersUsing.get(w) ?? 0) + 1);

const british = new Map<string, string>();
for (const [word, count] of papersUsing) {
  if (count < MIN_PAPERS || word.length < 5) continue;
  for (const [rule, to] of RULES) {
    if (!rule.test(word)) continue;
    const us = word.replace(rule, to);
    if ((papersUsing.get(us) ?? 0) >= MIN_RATIO * count && stemWord(us) !== stemWord(word)) {
      british.set(word, us);
      break;
    }
  }
}
// Stem → American stem, kept only where no other word of the corpus stems the same way.
const stems = new Map<string, string>();
for (const [word, us] of british) stems.set(stemWord(word), stemWord(us));
for (const [word, count] of papersUsing)
  if (count >= MIN_PAPERS && stems.has(stemWord(word)) && !british.has(word) && !RULES.some(([r]) => r.test(word)))
    stems.delete(stemWord(word));
const sorted = Object.fromEntries([...stems].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
const out = path.join(REPO_ROOT, 'packages/matching/src/text/us-spellings.data.json');
writeFileSync(
  out,
  `${JSON.stringify({ papers: corpus.length, minPapers: MIN_PAPERS, minRatio: MIN_RATIO, stems: sorted }, null, 1)}\n`,
);
console.log(`${corpus.length} papers, ${british.size} British spellings, ${stems.size} stems -> ${out}`);
