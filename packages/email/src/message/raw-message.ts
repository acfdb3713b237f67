// Digests go to Nodemailer as one pre-built MIME buffer. Nodemailer's own composer streams
// each part through several transforms in small chunks; for a digest that (and one socket
// write per chunk) was most of the sender's CPU, and a ready buffer about doubled the send
// rate (bench/digest-send.bench.ts, BENCHMARKS.md "Sending"). A digest's
// MIME shape is fixed (text + HTML alternative), so building it here is simple. Parts go
// as 7bit when they can, which also makes the message a quarter smaller than base64. The
// renderer's HTML comes already in 7bit wire form (ASCII, CRLF), so the HTML part, the bulk of
// the message, is only checked here with native scans and copied, not converted.
// With DKIM configured, the ready buffer is signed before it goes (transport/dkim-sign.ts).
import { randomUUID } from 'node:crypto';
import type { MessageOptions } from './build-message';
import { sevenBitBytes, sevenBitMessage, wireHtml } from './wire-form';

export interface RawMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  messageId: string;
}

const CRLF = '\r\n';
const ASCII = /^[\x20-\x7e]*$/;

/** RFC 2047 encoded words, each under 75 chars, never splitting a UTF-8 character. */
export function encodeHeaderText(text: string): string {
  if (ASCII.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

/** "Name <a@b>" with the name quoted or encoded as needed; a bare address stays bare. */
export function encodeAddress(address: string): string {
  const m = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(address);
  if (!m || !m[1]) return m ? `<${m[2]}>` : address.trim();
  const name = m[1].replace(/^"(.*)"$/, '$1');
  const shown = ASCII.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeHeaderText(name);
  return `${shown} <${m[2]}>`;
}

export const bareAddress = (address: string): string => /<([^<>]+)>\s*$/.exec(address)?.[1] ?? address.trim();

function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

/** CRLF line ends; a plain string replaceAll when there is no CR at all (the usual case, ~2x faster). */
function crlf(body: string): string {
  if (!body.includes('\n')) return body;
  return body.includes('\r') ? body.replace(/\r?\n/g, CRLF) : body.replaceAll('\n', CRLF);
}

const CRLF_BYTES = Buffer.from(CRLF, 'latin1');

const partHeaders = (type: string, encoding: '7bit' | 'base64'): string =>
  `Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: ${encoding}${CRLF}${CRLF}`;
const HTML_7BIT = Buffer.from(partHeaders('text/html', '7bit'), 'latin1');

/** The part's headers and body as is, when the body passes the 7bit checks (sevenBitBytes). */
function sevenBitPart(type: string, body: string): Buffer[] | undefined {
  const bytes = sevenBitBytes(body);
  return bytes && [Buffer.from(partHeaders(type, '7bit'), 'latin1'), bytes, CRLF_BYTES];
}

function base64Part(type: string, body: string): Buffer[] {
  return [Buffer.from(`${partHeaders(type, 'base64')}${base64Lines(body)}${CRLF}`, 'latin1')];
}

/**
 * The text part is small and has LF line ends: converted here (text is encoded in its
 * canonical CRLF form, RFC 2046 §4.1.1, base64 included), 7bit when ASCII, base64 otherwise.
 */
function textPart(text: string): Buffer[] {
  const lines = crlf(text);
  // A digest's text part usually has a "▲" or a "·": a UTF-8 length above the string's
  // length says so natively, sparing the 7bit attempt (line scan, copy, check) before base64.
  if (Buffer.byteLength(lines, 'utf8') !== lines.length) return base64Part('text/plain', lines);
  return sevenBitPart('text/plain', lines) ?? base64Part('text/plain', lines);
}

/**
 * HTML that is not in wire form as it is (not from the renderer): converted the renderer's
 * way, or, when even that cannot go as 7bit (a line too long, a NUL), sent as base64.
 */
function convertedHtmlPart(html: string): Buffer[] {
  return sevenBitPart('text/html', wireHtml(html)) ?? base64Part('text/html', crlf(html));
}

/** The whole message (headers, text and HTML alternatives) as one buffer. */
export function buildRawMail(message: MessageOptions, date: Date): RawMail {
  const from = String(message.from);
  const to = String(message.to);
  // Unguessable, so no content can close the part early; randomUUID draws from a cached batch
  // of random bytes, cheaper than a randomBytes call per message.
  const boundary = `----=_paperboy_${randomUUID()}`;
  const headers = [
    `From: ${encodeAddress(from)}`,
    `To: ${encodeAddress(to)}`,
    `Subject: ${encodeHeaderText(String(message.subject))}`,
    `Date: ${date.toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: ${message.messageId}`,
    'MIME-Version: 1.0',
    // Our own headers are plain ASCII by construction (URLs, list ids): written as they are.
    ...Object.entries(message.headers).map(
      ([name, value]) => `${name}: ${typeof value === 'string' ? value : value.value}`,
    ),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const delimiter = Buffer.from(`--${boundary}${CRLF}`, 'latin1');
  const before = [
    // Headers are encoded words and ASCII; UTF-8 keeps any other header value intact as before.
    Buffer.from(`${headers.join(CRLF)}${CRLF}${CRLF}`, 'utf8'),
    delimiter,
    ...textPart(String(message.text)),
    delimiter,
  ];
  const closing = Buffer.from(`--${boundary}--${CRLF}`, 'latin1');
  const html = String(message.html);
  // The renderer's HTML is in wire form already: checked, then written into place as it is.
  const raw =
    sevenBitMessage([...before, HTML_7BIT], html, [CRLF_BYTES, closing]) ??
    Buffer.concat([...before, ...convertedHtmlPart(html), closing]);
  return { envelope: { from: bareAddress(from), to: [bareAddress(to)] }, raw, messageId: message.messageId };
}
