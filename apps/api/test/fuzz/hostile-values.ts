// The raw material of the fuzz test: a seeded random source and the hostile values a probe
// throws at a web app (bad percent-escapes, NUL, lone surrogates, huge and deep values,
// wrong types). Deterministic for a seed, so a failure can be replayed exactly.
import { seeded } from '@paperboy/matching/testing';

/** The shared seeded generator with the helpers a probe uses; the same seed gives the same run. */
export function seededRandom(seed: number) {
  const next = seeded(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof seededRandom>;

/** Text that breaks naive code: NUL, lone surrogates, controls, RTL, emoji, markup, SQL, huge. */
export function hostileText(r: Random): string {
  const pieces = [
    'reward models',
    'LLM',
    'diffusion',
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff',
    'x\ud83d',
    '\ude00y',
    '\ud83d\ude00',
    '\u202e',
    '\u200b',
    '\t',
    '\r\n',
    '\u0007',
    '\u007f',
    '<script>alert(1)</script>',
    '"\'`',
    '\'; DROP TABLE "Subscriber";--',
    '%',
    '%ff',
    '%00',
    '../../etc/passwd',
    'ﬁ',
    'Å',
    '\u0301',
    'x'.repeat(121),
    'y'.repeat(5000),
    '日本語',
    'a,b,c',
    'OR',
    '-excluded',
    '"quoted phrase"',
  ];
  const n = 1 + r.int(4);
  let text = '';
  for (let i = 0; i < n; i++) text += r.pick(pieces);
  if (r.chance(0.02)) text += 'z'.repeat(200_000);
  return text;
}

/** An address-like string, often broken. */
export function hostileEmail(r: Random, n: number): string {
  return r.pick([
    `fuzz${n}@example.org`,
    `Fuzz${n}@Example.ORG `,
    `fuzz${n}\u0000@example.org`,
    `fuzz${n}\ud800@example.org`,
    `@example.org`,
    `fuzz${n}@`,
    `${'a'.repeat(300)}@example.org`,
    `fuzz${n}@exa mple.org`,
    `fuzz${n}@localhost`,
    '',
    `a..b${n}@example.org`,
    `ｆｕｚｚ${n}@example.org`,
    `reader${r.int(4)}@example.org`,
  ]);
}

/** Any JSON value, including the wrong types for every field and deep nesting. */
export function hostileValue(r: Random, depth = 0): unknown {
  const kind = r.int(depth > 2 ? 6 : 9);
  switch (kind) {
    case 0:
      return hostileText(r);
    case 1:
      return r.pick([0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -0, 1e308, Number.MAX_SAFE_INTEGER]);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return 'daily';
    case 4:
      return r.pick([
        'weekly',
        'UTC',
        'Europe/Paris',
        'Mars/Olympus',
        'yes',
        'on',
        'trending',
        'topics',
        'topics_trending',
      ]);
    case 5:
      return String(r.int(30));
    case 6:
      return Array.from({ length: r.int(25) }, () => hostileValue(r, depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: r.int(5) }, () => [
          r.pick(['email', 'topics', '__proto__', 'constructor', 'x', 'name']),
          hostileValue(r, depth + 1),
        ]),
      );
    default:
      return deepNesting(r.pick([10, 200]));
  }
}

/** Deep JSON as text (stringifying a deep value would overflow our own stack first). */
export function deepJson(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

export function deepNesting(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A path segment where a token belongs: real ones, mutated ones and junk. */
export function hostileToken(r: Random, valid: string[]): string {
  const token = r.pick(valid);
  return r.pick([
    token,
    token,
    `${token}=`,
    `${token}!`,
    token.replace(/-/g, '+'),
    token.slice(0, -1) + r.pick(['A', 'B', 'C', 'D']),
    token.slice(0, 20),
    `${token}.x`,
    '%ff',
    '%',
    '%E0%A4%A',
    '%00',
    'null',
    'a.b',
    '.',
    '..',
    'x'.repeat(600),
    `${token}%2F..`,
    encodeURIComponent('\ud83d\ude00'),
    'eyJwIjoibWFuYWdlIiwicyI6MjE0NzQ4MzY0OCwiZSI6OTk5OTk5OTk5OX0.AAAA',
    '%2e%2e',
    '~',
    '%252e',
  ]);
}

/**
 * Percent-encodes every code unit, lone surrogates included (as WTF-8 bytes, what a hostile
 * client sends; encodeURIComponent refuses them).
 */
export function percentEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // a lone surrogate: encode unit by unit below
  }
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const bytes =
      cp >= 0xd800 && cp <= 0xdfff
        ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        : [...Buffer.from(ch, 'utf8')];
    out += /^[A-Za-z0-9_.~-]$/.test(ch)
      ? ch
      : bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}
