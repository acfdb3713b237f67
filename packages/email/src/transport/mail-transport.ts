// One pooled Nodemailer transport per process, pointed at SMTP_URL or at the dev mailbox.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface MailTransportOptions {
  smtpUrl?: string;
  devMailboxPort: number;
  poolSize: number;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
}

export type MailTransport = Transporter<SMTPPool.SentMessageInfo>;

export function smtpTarget(options: Pick<MailTransportOptions, 'smtpUrl' | 'devMailboxPort'>): string {
  return options.smtpUrl ?? `smtp://127.0.0.1:${options.devMailboxPort}`;
}

export function createMailTransport(options: MailTransportOptions): MailTransport {
  const url = new URL(smtpTarget(options));
  return nodemailer.createTransport({
    pool: true,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    maxConnections: options.poolSize,
    // A connection is reused for any number of messages: the default of 100 halves throughput
    // (DESIGN.md §9); servers that want fewer close the connection and the pool reconnects.
    maxMessages: Infinity,
    // The dev mailbox on loopback has no certificate; real servers keep full verification.
    ignoreTLS: !options.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dkim: options.dkim,
  });
}
