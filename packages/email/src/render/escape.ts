// Escaping for the three places a value can land in an email: HTML text/attributes, a link
// target, and the plain-text part. Every value that came from a reader or a paper goes
// through one of these; templates have no "raw" output on purpose.
// What goes into HTML also comes out in wire form (see message/wire-form.ts): ASCII with CRLF
// line ends, so the filled HTML is ready to send as 7bit with no per-email conversion.
import { charRefs, oneByte } from '../message/wire-form';

const HTML_SPECIAL = /[&<>"'\r\n\u0080-\uffff]/;
const HTML_SPECIAL_ALL = /[&<>"']|\r\n?|\n|[\u0080-\uffff]+/g;
const NON_LATIN1 = /[\u0100-\uffff]/;
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes for HTML text and for double- or single-quoted attribute values. Non-ASCII becomes
 * character references, and any line break CRLF: parsers read CR, LF and CRLF alike (as LF),
 * in text and in attribute values, so the meaning is unchanged.
 */
export function escapeHtml(value: string): string {
  // Fast path: most titles and names need no escaping, and this runs ~100 times per digest.
  if (!HTML_SPECIAL.test(value)) return value;
  const escaped = value.replace(HTML_SPECIAL_ALL, escapeMatch);
  // A value with characters above U+00FF is a two-byte string, and so is the result of the
  // replace, though it is now ASCII (see oneByte).
  return NON_LATIN1.test(value) ? oneByte(escaped) : escaped;
}

function escapeMatch(match: string): string {
  return HTML_ENTITIES[match] ?? (match.charCodeAt(0) < 0x80 ? '\r\n' : charRefs(match));
}

// Only schemes a mail client can open safely. `javascript:`, `data:` and `vbscript:` are
// refused; so are whitespace, quotes, angle brackets and backslashes, which have no place
// in a well-formed URL and are the usual tools for breaking out of an attribute or a
// `List-Unsubscribe: <…>` header.
const SAFE_URL = /^(?:https?:\/\/[^\s"'<>\\`]+|mailto:[^\s"'<>\\`]+)$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters in a URL is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** True when `value` is an http(s) or mailto URL that is safe to put in an href. */
export function isSafeUrl(value: string): boolean {
  return SAFE_URL.test(value) && !CONTROL_CHARS.test(value);
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Returns the URL escaped for an href attribute, or throws when it is not a safe URL. */
export function escapeUrl(value: string, name: string): string {
  if (!isSafeUrl(value)) throw unsafeUrl(value, name);
  return escapeHtml(NON_ASCII.test(value) ? asciiUrl(value, name) : value);
}

/**
 * A link with non-ASCII characters, written the way a browser resolves it (WHATWG URL, UTF-8):
 * the host in punycode, the rest percent-encoded. Character references would reach the
 * browser as the same characters, but percent-encoding is the URL's own ASCII form: it is
 * what gets requested either way, and it stays right for tools that read hrefs without
 * decoding HTML.
 */
function asciiUrl(value: string, name: string): string {
  try {
    return new URL(value).href;
  } catch {
    throw unsafeUrl(value, name);
  }
}

function unsafeUrl(value: string, name: string): Error {
  return new Error(
    `${name} must be an http(s) or mailto URL without spaces or quotes, got ${JSON.stringify(value.slice(0, 80))}`,
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters in text is the point
const TEXT_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * For the plain-text part: nothing is interpreted there, but control characters (other than
 * tab and newline) could garble a terminal or a mail client, so they go.
 */
export function escapeText(value: string): string {
  TEXT_UNSAFE.lastIndex = 0;
  return TEXT_UNSAFE.test(value) ? value.replace(TEXT_UNSAFE, '') : value;
}

/** Collapses all whitespace (including newlines) to single spaces; for one-line fields. */
export function oneLine(value: string): string {
  // Testing is far cheaper than replacing, and almost every value is already clean.
  if (!MESSY_WHITESPACE.test(value)) return value;
  return value.replace(/\s+/g, ' ').trim();
}

const MESSY_WHITESPACE = /^\s|\s$|[^\S ]| {2}/;
