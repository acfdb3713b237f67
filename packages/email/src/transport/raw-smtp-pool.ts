// A lean pool for ready-made MIME buffers (digests): Nodemailer's own SMTPConnection (greeting,
// EHLO, STARTTLS, AUTH, PIPELINING, reply parsing and its error objects with `responseCode` and
// `command`, which the send classifier reads), without the Mailer → MimeNode → pool pipeline
// that Nodemailer runs even for a raw message: about half the CPU per digest
// (bench/digest-send.bench.ts, BENCHMARKS.md "Lean SMTP pool and cheaper raw MIME"). With DKIM
// the message comes here already signed (dkim-sign.ts, via mail-transport.ts's sendRaw).
//
// Failure policy: any send error closes that connection (the next send opens a fresh one) and
// goes to the caller, who classifies it (4xx/connection → retry later with backoff, 5xx → fail).
// Nothing is resent here: Nodemailer reports a connection dropped mid-DATA with command 'CONN',
// the same as one dropped before the envelope, so an inline resend could duplicate an accepted
// message. A connection the server closes while idle is forgotten and reopened on the next send.
import { RawSmtpConnection } from './raw-smtp-connection';

export interface RawSmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  ignoreTLS: boolean;
  auth?: { user: string; pass: string };
  poolSize: number;
}

export interface RawEnvelope {
  from: string;
  to: string[];
}

export interface RawSmtpPool {
  send(envelope: RawEnvelope, raw: Buffer): Promise<void>;
  close(): void;
}

type Slot = { conn?: RawSmtpConnection; ready?: Promise<RawSmtpConnection> };
type Pending = { envelope: RawEnvelope; raw: Buffer; resolve: () => void; reject: (e: unknown) => void };

export function createRawSmtpPool(options: RawSmtpOptions): RawSmtpPool {
  const slots: Slot[] = Array.from({ length: Math.max(1, options.poolSize) }, () => ({}));
  const idle = [...slots];
  const queue: Pending[] = [];
  let closed = false;

  function drop(slot: Slot): void {
    const conn = slot.conn;
    slot.conn = undefined;
    slot.ready = undefined;
    conn?.close();
  }

  function open(slot: Slot): Promise<RawSmtpConnection> {
    slot.ready ??= new Promise<RawSmtpConnection>((resolve, reject) => {
      const conn = new RawSmtpConnection({
        host: options.host,
        port: options.port,
        secure: options.secure,
        ignoreTLS: options.ignoreTLS,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
      slot.conn = conn;
      // A connection that dies while idle is simply forgotten; the next send reconnects.
      conn.on('error', (error) => (slot.conn === conn ? (drop(slot), reject(error)) : undefined));
      conn.once('end', () =>
        slot.conn === conn
          ? (drop(slot),
            reject(Object.assign(new Error('connection closed'), { code: 'ECONNECTION', command: 'CONN' })))
          : undefined,
      );
      conn.connect((error?: Error) => {
        if (error) return (drop(slot), reject(error));
        if (!options.auth) return resolve(conn);
        conn.login({ credentials: options.auth }, (error) => (error ? (drop(slot), reject(error)) : resolve(conn)));
      });
    });
    return slot.ready;
  }

  function pump(): void {
    while (queue.length && idle.length) {
      const slot = idle.pop()!;
      const job = queue.shift()!;
      open(slot)
        .then(
          (conn) =>
            new Promise<void>((resolve, reject) =>
              conn.send(job.envelope, job.raw, (error) => (error ? reject(error) : resolve())),
            ),
        )
        .then(
          () => job.resolve(),
          (error: unknown) => {
            drop(slot);
            job.reject(error);
          },
        )
        .finally(() => {
          idle.push(slot);
          pump();
        });
    }
  }

  return {
    send(envelope, raw) {
      if (closed)
        return Promise.reject(Object.assign(new Error('SMTP pool is closed'), { code: 'ECONNECTION', command: 'API' }));
      return new Promise<void>((resolve, reject) => {
        queue.push({ envelope, raw, resolve, reject });
        pump();
      });
    },
    close() {
      closed = true;
      for (const job of queue.splice(0))
        job.reject(Object.assign(new Error('SMTP pool is closed'), { code: 'ECONNECTION', command: 'API' }));
      // As Nodemailer's pool does: close the sockets, no QUIT (a process exiting before the
      // server's 221 arrives would reset the connection instead of closing it).
      for (const slot of slots) drop(slot);
    },
  };
}
