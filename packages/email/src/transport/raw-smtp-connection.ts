// Nodemailer's SMTPConnection, with a fast path for the DATA phase. Its DataStream escapes a dot
// at the start of a line and turns bare CR / bare LF into CRLF by looping over every byte in
// JavaScript: a tenth of all the sending work in a profile of bench/digest-send.bench.ts. Here a
// message with CRLF line ends only (checked with native string searches, or already when it
// was built: see message/wire-form.ts) gets its dots stuffed by slicing around each "\n."
// (rare: compiled templates avoid lines opening with a dot); anything else, and any message
// written in several chunks, takes Nodemailer's own loop. The end of data (CRLF . CRLF) is
// still written by Nodemailer's DataStream.
import type { Transform, TransformCallback } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { crlfLinesOnly, isCrlfChecked } from '../message/wire-form';

const DOT = Buffer.from('.');
const LF_DOT = Buffer.from('\n.');

type DataStream = Transform & { inByteCount: number; outByteCount: number; lastByte: number | false };
type Internals = { _createSendStream(this: SMTPConnection, callback: unknown): DataStream };
const base = SMTPConnection.prototype as unknown as Internals;

/**
 * The message as SMTP DATA (RFC 5321 §4.5.2: a dot opening a line is doubled), or undefined
 * when it has a bare CR or LF and needs Nodemailer's full treatment.
 */
export function dotStuffed(message: Buffer): Buffer | undefined {
  // A message built from checked pieces (raw-message.ts) was scanned already.
  if (!isCrlfChecked(message) && !crlfLinesOnly(message.toString('latin1'))) return undefined;
  // Usually no line starts with a dot (see wireCss): one native search, and no copy.
  const pieces: Buffer[] = message[0] === DOT[0] ? [DOT] : [];
  let from = 0;
  for (let at = message.indexOf(LF_DOT); at !== -1; at = message.indexOf(LF_DOT, at + 2)) {
    pieces.push(message.subarray(from, at + 1), DOT);
    from = at + 1;
  }
  if (pieces.length === 0) return message;
  pieces.push(message.subarray(from));
  return Buffer.concat(pieces);
}

export class RawSmtpConnection extends SMTPConnection {
  /** @internal Wraps Nodemailer's (internal) DATA stream factory; pinned version, tested. */
  _createSendStream(callback: unknown): DataStream {
    const stream = base._createSendStream.call(this, callback);
    const slow = stream._transform;
    stream._transform = function (this: DataStream, chunk: unknown, encoding: BufferEncoding, done: TransformCallback) {
      const data = this.inByteCount === 0 && Buffer.isBuffer(chunk) && chunk.length > 0 ? dotStuffed(chunk) : undefined;
      if (!data) return slow.call(this, chunk, encoding, done);
      this.inByteCount = (chunk as Buffer).length;
      this.outByteCount = data.length;
      this.lastByte = data[data.length - 1]!;
      this.push(data);
      done();
    };
    return stream;
  }
}
