// The form a message body has on the wire when it goes as 7bit (RFC 2045 §2.7, RFC 5321
// §4.5.3.1.6): ASCII without NUL, CRLF line ends only, short lines. The renderer writes its
// HTML in this form from the start (compile time for the template, escaping for the values),
// so that building a message per email only checks it with native scans instead of
// converting the whole HTML every time.
import { isAscii } from 'node:buffer';

/** SMTP allows 998 characters per line; a little room is kept for a doubled leading dot. */
const MAX_LINE = 990;

// Runs of non-ASCII UTF-16 units, matched without the `u` flag: V8 scans this faster than the
// Unicode-aware form; for…of in charRefs still yields whole code points, so a surrogate
// pair becomes one reference.
const NON_ASCII_RUNS = /[\u0080-\uffff]+/g;
const LINE_BREAKS = /\r\n?|\n/g;
// A style sheet is raw text: an HTML character reference there is not decoded, so CSS
// escapes are used inside it. (Emails carry no scripts, the other raw-text element.)
const STYLE_OR_NON_ASCII = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)|[\u0080-\uffff]+/gi;

/** Numeric character references for a run of non-ASCII characters, one per code point. */
export function charRefs(run: string): string {
  let out = '';
  for (const ch of run) {
    const code = ch.codePointAt(0) as number;
    // Parsers read &#128;–&#159; as Windows-1252 (&#150; is "–"), so a C1 control has no
    // reference of its own; it shows nothing, so it is left out rather than turned into text.
    if (code > 0x9f) out += `&#${code};`;
  }
  return out;
}

// A line break (not one escaped inside a CSS string) followed by a dot.
const CSS_LINE_DOT = /(?<!\\)\r\n\./g;

/**
 * Non-ASCII as CSS escapes, and a space before a dot that opens a line: SMTP would have to
 * double that dot (RFC 5321 §4.5.2), which means copying the whole message per email, while
 * in CSS the space means nothing (MJML's style sheets have several lines like ".footer a").
 */
function wireCss(css: string): string {
  // The space ends the hex digits (and is part of the escape), whatever character follows.
  const ascii = css.replace(NON_ASCII_RUNS, (run) =>
    [...run].map((ch) => `\\${(ch.codePointAt(0) as number).toString(16)} `).join(''),
  );
  return ascii.replace(CSS_LINE_DOT, '\r\n .');
}

/**
 * HTML in wire form with the same meaning: line breaks as CRLF (parsers read CR, LF and CRLF
 * alike) and non-ASCII as character references (in style sheets, see wireCss). For a compiled
 * template once at start, and for HTML that did not come from the renderer.
 */
export function wireHtml(html: string): string {
  return html
    .replace(LINE_BREAKS, '\r\n')
    .replace(STYLE_OR_NON_ASCII, (match, open?: string, css?: string, close?: string) =>
      open === undefined ? charRefs(match) : `${open}${wireCss(css ?? '')}${close}`,
    );
}

/**
 * The same ASCII text as a one-byte V8 string. V8 keeps a string two-byte when it was built
 * from a two-byte one (any character above U+00FF in the source), and so are its slices: one
 * such piece makes the whole filled HTML two-byte when it is flattened, which doubles its
 * memory and makes each search and write over it ~2x slower.
 */
export function oneByte(ascii: string): string {
  return Buffer.from(ascii, 'latin1').toString('latin1');
}

/** True when every line break is CRLF (no bare CR or LF) and no line is longer than `maxLine`. */
export function crlfLinesOnly(text: string, maxLine = Infinity): boolean {
  let start = 0;
  // Two native string searches per line: faster than a regex over the same text.
  for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', start)) {
    // The line's first CR must be the one right before its LF: else a CR or the LF is bare.
    if (lf === start || text.indexOf('\r', start) !== lf - 1 || lf - 1 - start > maxLine) return false;
    start = lf + 1;
  }
  return text.length - start <= maxLine && text.indexOf('\r', start) === -1;
}

// Buffers made here whose line breaks were checked to be CRLF only. The SMTP DATA fast path
// (transport/raw-smtp-connection.ts) needs that too; this spares it a second scan of the message.
// Kept by identity: the buffers are new, and nobody writes into a message once it is built.
const CRLF_CHECKED = new WeakSet<Buffer>();

/** True for a buffer from sevenBitBytes or sevenBitMessage: its line breaks are all CRLF. */
export function isCrlfChecked(bytes: Buffer): boolean {
  return CRLF_CHECKED.has(bytes);
}

/**
 * Remembers bytes as CRLF-checked that another thread built and checked (a compose thread's
 * message: postMessage hands over the bytes, not this thread's memory of having checked them).
 */
export function markCrlfChecked(bytes: Buffer): void {
  CRLF_CHECKED.add(bytes);
}

/** Writes `body` at `at` (room for body.length bytes) and tells whether it is 7bit as written. */
function writeSevenBit(target: Buffer, at: number, body: string): boolean {
  // In UTF-8 a non-ASCII character takes 2-4 bytes: it either does not fit (fewer bytes
  // written) or shows as a byte above 0x7f. So ASCII bytes, all written, mean an ASCII body.
  const written = target.write(body, at, body.length, 'utf8');
  const bytes = target.subarray(at, at + written);
  return written === body.length && isAscii(bytes) && bytes.indexOf(0) === -1;
}

/**
 * `body` as bytes when it can go as 7bit exactly as it is, else undefined. Checked, never
 * assumed: a body from elsewhere takes the caller's slower path (conversion or base64).
 */
export function sevenBitBytes(body: string): Buffer | undefined {
  if (!crlfLinesOnly(body, MAX_LINE)) return undefined;
  const bytes = Buffer.allocUnsafe(body.length);
  if (!writeSevenBit(bytes, 0, body)) return undefined;
  CRLF_CHECKED.add(bytes);
  return bytes;
}

/**
 * `before` + `body` + `after` in one buffer, when `body` can go as 7bit as it is (the checks
 * of sevenBitBytes), else undefined. The big body is written once, straight into place.
 * The result is remembered as CRLF-checked when every other piece is CRLF-only too (checked
 * here, unless it came from sevenBitBytes): joined, they cannot form a bare CR or LF.
 */
export function sevenBitMessage(before: Buffer[], body: string, after: Buffer[]): Buffer | undefined {
  if (!crlfLinesOnly(body, MAX_LINE)) return undefined;
  const head = Buffer.concat(before);
  const tail = Buffer.concat(after);
  const message = Buffer.allocUnsafe(head.length + body.length + tail.length);
  head.copy(message, 0);
  if (!writeSevenBit(message, head.length, body)) return undefined;
  tail.copy(message, head.length + body.length);
  if (before.every(crlfOnly) && after.every(crlfOnly)) CRLF_CHECKED.add(message);
  return message;
}

/** Checked already, or checked now (small pieces: headers, a signature). */
const crlfOnly = (piece: Buffer): boolean => CRLF_CHECKED.has(piece) || crlfLinesOnly(piece.toString('latin1'));

/**
 * The pieces in one buffer, remembered as CRLF-checked when each piece is CRLF-only: a DKIM
 * signature put before a built message keeps the message's check.
 */
export function joinChecked(pieces: Buffer[]): Buffer {
  const joined = Buffer.concat(pieces);
  if (pieces.every(crlfOnly)) CRLF_CHECKED.add(joined);
  return joined;
}
