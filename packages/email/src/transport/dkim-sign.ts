// DKIM for ready-made MIME buffers (digests), so that a signed digest still goes through the
// lean raw pool (raw-smtp-pool.ts) instead of Nodemailer's whole transport. The signature is
// Nodemailer's: its header parser and its signature writer (same canonicalisation, same default
// list of signed header fields: the transport passes only domainName, keySelector and privateKey).
//
// Only the body hash is ours, and only for bodies whose lines all end in CRLF (every message
// paperboy builds: wire-form.ts). Nodemailer's streaming signer canonicalises the body byte by
// byte in JavaScript: ~0.6 ms of a digest's ~1 ms signing cost on this machine, more than the
// RSA signature (BENCHMARKS.md, "DKIM's body hash"). Here the same relaxed canonicalisation
// (RFC 6376 3.4.4) is two native regular expressions over the body, and the hash is native.
// Any other body goes through Nodemailer's streaming signer, unchanged.
//
// The key is parsed once: the signer hands `privateKey` to crypto's sign() for every message,
// and a PEM string is parsed again each time, about as costly as the RSA signature itself
// (~1 ms per message on this machine; a KeyObject skips it). A key that does not parse fails
// here, when the transport is made, and not per message: Nodemailer's signer sends a message
// unsigned when signing throws.
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import path from 'node:path';
import DKIM from 'nodemailer/lib/dkim';
import { crlfLinesOnly, isCrlfChecked, joinChecked } from '../message/wire-form';
import type MessageParserClass from 'nodemailer/lib/dkim/message-parser';
import type signFunction from 'nodemailer/lib/dkim/sign';

// The two parts of Nodemailer's signer that its package does not export by name, loaded from
// the installed package's own files: the signature written is the one its signer writes (a
// test compares the two byte for byte).
const nodemailerDkim = path.join(path.dirname(require.resolve('nodemailer')), 'dkim');
const MessageParser: typeof MessageParserClass = require(path.join(nodemailerDkim, 'message-parser.js'));
const writeSignature: typeof signFunction = require(path.join(nodemailerDkim, 'sign.js'));

export interface DkimSettings {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface DkimKey {
  domainName: string;
  keySelector: string;
  privateKey: KeyObject;
}

/** The settings with the key parsed; throws when the key is not an RSA private key. */
export function dkimKey(settings: DkimSettings): DkimKey {
  const privateKey = createPrivateKey(settings.privateKey);
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new Error(`DKIM_PRIVATE_KEY: an RSA private key is needed (got ${privateKey.asymmetricKeyType})`);
  return { domainName: settings.domainName, keySelector: settings.keySelector, privateKey };
}

const SIGNATURE = Buffer.from('DKIM-Signature: ');
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * The body in relaxed canonical form (RFC 6376 3.4.4), or undefined when its lines do not all
 * end in CRLF or it has no line of content (the streaming signer handles those). `body` is one
 * character per byte (latin1); `crlfChecked` when its line breaks are known to be CRLF only
 * (wire-form.ts). Only runs of two or more and tabs are replaced (a single space
 * already is its own canonical form), each run once, and the empty lines at the end are counted
 * off from the end: every step is linear in the body.
 */
export function relaxedBody(body: string, crlfChecked = false): string | undefined {
  if (!body.endsWith('\r\n') || (!crlfChecked && !crlfLinesOnly(body))) return undefined;
  const collapsed = body.replace(/[ \t]{2,}|\t/g, ' ').replace(/ \r\n/g, '\r\n');
  let end = collapsed.length;
  while (end >= 4 && collapsed.startsWith('\r\n\r\n', end - 4)) end -= 2;
  return end === 2 ? undefined : collapsed.slice(0, end);
}

/** Signs whole messages: each resolves to the message with its DKIM-Signature header first. */
export function createDkimSigner(key: DkimKey): (message: Buffer) => Promise<Buffer> {
  const streaming = streamingSigner(key);
  return (message) => {
    // A message built by raw-message.ts was checked for bare line breaks already (wire-form.ts).
    const checked = isCrlfChecked(message);
    const headerEnd = message.indexOf(HEADER_END);
    const rawHeaders = headerEnd < 0 ? undefined : message.subarray(0, headerEnd + HEADER_END.length);
    const body =
      rawHeaders && (checked || crlfLinesOnly(rawHeaders.toString('latin1')))
        ? relaxedBody(message.toString('latin1', rawHeaders.length), checked)
        : undefined;
    if (!rawHeaders || body === undefined) return streaming(message);
    const parser = new MessageParser();
    parser.rawHeaders = rawHeaders;
    const bodyHash = createHash('sha256').update(body, 'latin1').digest('base64');
    const field = writeSignature(parser.parseHeaders(), 'sha256', bodyHash, key);
    if (!field) return Promise.reject(new Error('DKIM signing failed'));
    // Still checked, so the SMTP fast path does not scan the message again.
    return Promise.resolve(joinChecked([Buffer.from(`${field}\r\n`), message]));
  };
}

/** Nodemailer's streaming signer, fed one buffer and read back into one: what createDkimSigner
 * leaves other bodies to, and what its tests and benchmark compare it with. */
export function streamingSigner(key: DkimKey): (message: Buffer) => Promise<Buffer> {
  const dkim = new DKIM(key);
  return (message) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let length = 0;
      const signed = dkim.sign(message);
      signed.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
      });
      signed.once('end', () => {
        const out = Buffer.concat(chunks, length);
        // The signer leaves a message unsigned when signing fails; that must not be sent.
        if (!out.subarray(0, SIGNATURE.length).equals(SIGNATURE)) reject(new Error('DKIM signing failed'));
        else resolve(out);
      });
      signed.once('error', reject);
    });
}
