// One pooled Nodemailer transport per process, pointed at SMTP_URL or at the dev mailbox.
// It also carries `sendRaw`: a lean pool for ready-made MIME buffers (digests), over
// Nodemailer's SMTPConnection but without its per-message Mailer pipeline (raw-smtp-pool.ts).
// With DKIM both sign with the same key and the same signer (dkim-sign.ts): the transport
// while it streams, `sendRaw` the buffer before it goes to the pool.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { createDkimSigner, type DkimSettings, dkimKey } from './dkim-sign';
import { createRawSmtpPool, type RawEnvelope } from './raw-smtp-pool';

export interface MailTransportOptions {
  smtpUrl?: string;
  devMailboxPort: number;
  poolSize: number;
  dkim?: DkimSettings;
}

export type MailTransport = Transporter<SMTPPool.SentMessageInfo> & {
  /** Sends a complete MIME message as it is, DKIM-signed first when the transport signs. */
  sendRaw?: (envelope: RawEnvelope, raw: Buffer) => Promise<void>;
};

/** The settings a transport is made from, as the config names them (config checks DKIM_* come as a set). */
export interface MailSettings {
  SMTP_URL?: string;
  DEV_MAILBOX_PORT: number;
  DKIM_DOMAIN?: string;
  DKIM_SELECTOR?: string;
  DKIM_PRIVATE_KEY?: string;
}

/** Transport options from the settings, so every process signs and connects alike. */
export function mailTransportOptions(settings: MailSettings, poolSize: number): MailTransportOptions {
  const { DKIM_DOMAIN: domainName, DKIM_SELECTOR: keySelector, DKIM_PRIVATE_KEY: privateKey } = settings;
  return {
    smtpUrl: settings.SMTP_URL,
    devMailboxPort: settings.DEV_MAILBOX_PORT,
    poolSize,
    dkim: domainName && keySelector && privateKey ? { domainName, keySelector, privateKey } : undefined,
  };
}

export function smtpTarget(options: Pick<MailTransportOptions, 'smtpUrl' | 'devMailboxPort'>): string {
  return options.smtpUrl ?? `smtp://127.0.0.1:${options.devMailboxPort}`;
}

export function createMailTransport(options: MailTransportOptions): MailTransport {
  const url = new URL(smtpTarget(options));
  const server = {
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // The dev mailbox on loopback has no certificate; real servers keep full verification.
    ignoreTLS: !options.smtpUrl,
  };
  // Parsed once (and checked when the process starts): see dkim-sign.ts.
  const dkim = options.dkim && dkimKey(options.dkim);
  const transport: MailTransport = nodemailer.createTransport({
    pool: true,
    ...server,
    maxConnections: options.poolSize,
    // A connection is reused for any number of messages: the default of 100 costs throughput
    // (a reconnect every 100 messages); servers that want fewer close the
    // connection and the pool reconnects.
    maxMessages: Infinity,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dkim,
  });
  const raw = createRawSmtpPool({ ...server, poolSize: options.poolSize });
  const close = transport.close.bind(transport);
  const sign = dkim && createDkimSigner(dkim);
  transport.sendRaw = sign
    ? async (envelope, message) => raw.send(envelope, await sign(message))
    : (envelope, message) => raw.send(envelope, message);
  transport.close = () => (raw.close(), close());
  return transport;
}
