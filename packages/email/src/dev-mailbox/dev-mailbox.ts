// The built-in dev mailbox: a real SMTP server on loopback that keeps what it receives in
// memory, so a new user sees every email paperboy sends without any outside service.
// Used when SMTP_URL is unset (never in production) and by the tests as their SMTP sink.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface MailboxMessage {
  id: number;
  receivedAt: Date;
  envelopeFrom: string;
  envelopeTo: string[];
  subject: string;
  from: string;
  to: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  raw: string;
}

export interface DevMailbox {
  port: number;
  messages(): MailboxMessage[];
  find(id: number): MailboxMessage | undefined;
  /** Resolves with the first message (already received or arriving) that satisfies `match`. */
  waitFor(match: (message: MailboxMessage) => boolean, timeoutMs?: number): Promise<MailboxMessage>;
  clear(): void;
  close(): Promise<void>;
}

export async function startDevMailbox(
  options: { port?: number; host?: string; keep?: number } = {},
): Promise<DevMailbox> {
  const keep = options.keep ?? 500;
  const stored: MailboxMessage[] = [];
  const waiters = new Set<{ match: (m: MailboxMessage) => boolean; resolve: (m: MailboxMessage) => void }>();
  let nextId = 1;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = await simpleParser(raw);
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          const message: MailboxMessage = {
            id: nextId++,
            receivedAt: new Date(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            from: parsed.from?.text ?? '',
            to: [parsed.to]
              .flat()
              .map((a) => a?.text ?? '')
              .join(', '),
            html: typeof parsed.html === 'string' ? parsed.html : '',
            text: parsed.text ?? '',
            headers,
            raw,
          };
          stored.push(message);
          if (stored.length > keep) stored.shift();
          for (const waiter of waiters) if (waiter.match(message)) waiter.resolve(message);
          callback(null, `Queued as dev-${message.id}`);
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages: () => [...stored].reverse(),
    find: (id) => stored.find((m) => m.id === id),
    clear: () => void stored.splice(0),
    waitFor(match, timeoutMs = 10_000) {
      const found = stored.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (m: MailboxMessage) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching email arrived in the dev mailbox within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
