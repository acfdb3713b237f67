// What a reader sees in an HTML email, as plain comparable text: used by the tests to
// check that the compiled fill and a direct MJML render show the same thing.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rarr: '→' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return String.fromCodePoint(n);
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** The body's text, tags and comments (including Outlook conditionals) removed, whitespace collapsed. */
export function visibleText(html: string): string {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
  const text = body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    // Inline tags do not break words ("<strong>a</strong>: b" reads "a: b"); block tags do.
    .replace(/<\/?(?:a|span|strong|b|i|em|u)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** Every link target in document order, entities decoded. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/gi)].map((m) => decodeEntities(m[1] ?? ''));
}
