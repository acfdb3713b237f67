// Titles and abstracts arrive with LaTeX habits (`$\mathcal{O}(n)$`, `\emph{x}`, `~`, `\%`)
// and hard line breaks. Readers see them in email and topics are matched against them, so
// both want plain Unicode text: we keep the meaning (symbols, sub/superscripts) and drop
// the markup. This is a pragmatic cleaner, not a TeX parser.
import { DOUBLE_STRUCK, LATEX_SYMBOLS } from './latex-symbols';

// Private-use placeholders keep escaped characters away from the markup rules below.
const LITERAL: Record<string, string> = { $: '\uE000', '{': '\uE001', '}': '\uE002', '~': '\uE003' };
const RESTORE = Object.fromEntries(Object.entries(LITERAL).map(([k, v]) => [v, k]));

// TeX accent commands → Unicode combining marks (NFC folds them: \'e → é).
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
};

/** Cleans one field for display and matching; returns '' for blank input. */
export function cleanText(input: string): string {
  let s = input.normalize('NFC');
  s = protectEscapes(s);
  s = replaceAccents(s);
  s = replaceMath(s);
  s = unwrapCommands(s);
  s = replaceSymbols(s);
  s = s.replace(/(?<![/\\])~/g, ' ').replace(/[{}]/g, '');
  s = s.replace(/``|''/g, '"').replace(/---/g, '\u2014').replace(/ -- /g, ' \u2013 ');
  s = s.replace(/[\uE000-\uE003]/g, (c) => RESTORE[c] ?? c);
  return collapseWhitespace(s.normalize('NFC'));
}

/** Collapses runs of whitespace (including newlines and control characters) to one space. */
export function collapseWhitespace(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are collapsed on purpose
  return s.replace(/[\s\u0000-\u001F\u007F\u00A0\u200B]+/g, ' ').trim();
}

function protectEscapes(s: string): string {
  return s
    .replace(/\\([$%&_#{}])/g, (_m, c: string) => LITERAL[c] ?? c)
    .replace(/\\textasciitilde(\{\})?/g, LITERAL['~']!)
    .replace(/\\\\/g, ' ');
}

function replaceAccents(s: string): string {
  // Forms: \'e  \'{e}  {\'e}  \c{c}  \v s ; letter accents need a brace or space after.
  // `\" x` (with a space) is not an umlaut but an escaped quote in the wild.
  return (
    s
      .replace(/\\(['`^"~=.])(?:\{\s*([A-Za-z]|\\i)\s*\}|([A-Za-z]|\\i))/g, (_m, a: string, b?: string, c?: string) =>
        accent(b ?? c ?? '', a),
      )
      .replace(/\\([uvHck])(?:\{([A-Za-z])\}|\s+([A-Za-z]))/g, (_m, a: string, b?: string, c?: string) =>
        accent(b ?? c ?? '', a),
      )
      // An accent command with nothing to accent was an escaped quote or mark: keep the mark.
      .replace(/\\(['`"^])/g, '$1')
  );
}

function accent(ch: string, mark: string): string {
  const base = ch === '\\i' ? 'i' : ch;
  return `${base}${ACCENTS[mark] ?? ''}`.normalize('NFC');
}

/** `$...$`, `$$...$$`, `\(...\)`, `\[...\]`: keep the content, made readable. */
function replaceMath(s: string): string {
  return s
    .replace(/\$\$([^$]+)\$\$/g, (_m, m: string) => mathToText(m))
    .replace(/\$([^$]+)\$/g, (_m, m: string) => mathToText(m))
    .replace(/\\\(([\s\S]*?)\\\)/g, (_m, m: string) => mathToText(m))
    .replace(/\\\[([\s\S]*?)\\\]/g, (_m, m: string) => mathToText(m));
}

function mathToText(m: string): string {
  let s = m.replace(/\\(left|right|big|Big|bigg|Bigg)\b\s*/g, '');
  s = s.replace(/\\[,;:! ]/g, (c) => (c === '\\!' ? '' : ' '));
  s = unwrapCommands(s);
  s = replaceSymbols(s);
  // Single-token scripts read fine bare (n^2); longer ones keep parentheses (2^(n+1)).
  s = s.replace(/([\^_])\{([^{}]*)\}/g, (_m, op: string, body: string) =>
    body.length <= 1 || /^[\w.]+$/.test(body) ? `${op}${body}` : `${op}(${body})`,
  );
  return s.replace(/\s+/g, ' ').trim();
}

/** `\emph{x}` → x, `\frac{a}{b}` → a/b, `\cite{k}` → '', innermost first until stable. */
function unwrapCommands(s: string): string {
  let prev = '';
  for (let i = 0; i < 10 && prev !== s; i++) {
    prev = s;
    s = s
      // A dropped reference takes its tie or space along: "baselines~\cite{x}." → "baselines."
      .replace(/[\s~]*\\(?:cite[pt]?|eqref|ref|label|footnote|thanks)\*?\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}/g, '')
      .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_m, a: string, b: string) => `${wrap(a)}/${wrap(b)}`)
      .replace(/\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}/g, '$1')
      .replace(/\\sqrt\s*\{([^{}]*)\}/g, (_m, a: string) => `\u221A${wrap(a)}`)
      .replace(/\\mathbb\s*\{([A-Z])\}/g, (_m, a: string) => DOUBLE_STRUCK[a] ?? a)
      .replace(
        /\\(?!(?:[dt]?frac|href|sqrt)\b)([A-Za-z]+)\*?\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\}/g,
        (m, cmd: string, arg: string) => (LATEX_SYMBOLS[cmd] !== undefined ? m : arg),
      );
  }
  return s;
}

function wrap(expr: string): string {
  return /^[\w.]+$/.test(expr.trim()) ? expr.trim() : `(${expr.trim()})`;
}

/** `\alpha` → α; unknown commands lose their backslash (`\log` → log). */
function replaceSymbols(s: string): string {
  return s.replace(/\\([A-Za-z]+)/g, (_m, cmd: string, offset: number, whole: string) => {
    const out = LATEX_SYMBOLS[cmd] ?? cmd;
    // `n\log n` must not become "nlog n": a word glued to a preceding letter gets a space.
    return /^[A-Za-z]/.test(out) && /[A-Za-z0-9]/.test(whole[offset - 1] ?? '') ? ` ${out}` : out;
  });
}
