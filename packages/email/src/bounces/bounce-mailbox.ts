// The bounce mailbox: the address relays send DSNs and ARF reports to (the envelope sender,
// or a feedback loop), read over IMAP. Each poll takes up to `max` unseen messages, hands each
// raw message to `handle`, and flags it \Seen only after `handle` succeeded: a poll that dies
// part way leaves the rest unseen for the next one, and `handle` is idempotent (core records
// each report once by its Message-ID), so a message handled but not yet flagged is harmless.
// Fetching reads BODY.PEEK[] (imapflow's `source`), which does not set \Seen by itself.
import { ImapFlow } from 'imapflow';

export interface BounceMailboxOptions {
  /** imap://user:password@host:port/Mailbox (STARTTLS when offered) or imaps:// (TLS); Mailbox: INBOX by default. */
  url: string;
  /** Most messages per poll (the rest wait for the next). */
  max?: number;
  /** Larger messages are flagged \Seen without being read (a report is a few kB, its quoted original at most a few hundred). */
  maxBytes?: number;
  timeoutMs?: number;
}

export interface MailboxPoll {
  /** Unseen messages found (before `max`). */
  unseen: number;
  handled: number;
  skippedTooLarge: number;
}

export function imapConnection(options: BounceMailboxOptions): { client: ImapFlow; mailbox: string } {
  const url = new URL(options.url);
  const secure = url.protocol === 'imaps:';
  if (!secure && url.protocol !== 'imap:') throw new Error('BOUNCE_IMAP_URL must start with imap:// or imaps://');
  const client = new ImapFlow({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: options.timeoutMs ?? 30_000,
    greetingTimeout: options.timeoutMs ?? 30_000,
    socketTimeout: (options.timeoutMs ?? 30_000) * 4,
  });
  return { client, mailbox: decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX' };
}

export async function pollBounceMailbox(
  options: BounceMailboxOptions,
  handle: (raw: Buffer, uid: number) => Promise<void>,
): Promise<MailboxPoll> {
  const { client, mailbox } = imapConnection(options);
  // An unhandled 'error' event would end the process; the failure surfaces through the awaited calls.
  client.on('error', () => undefined);
  await client.connect();
  const result: MailboxPoll = { unseen: 0, handled: 0, skippedTooLarge: 0 };
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const found = await client.search({ seen: false }, { uid: true });
      const uids = (found || []).sort((a, b) => a - b);
      result.unseen = uids.length;
      const batch = uids.slice(0, options.max ?? 100);
      if (!batch.length) return result;
      const maxBytes = options.maxBytes ?? 5_000_000;
      const sizes = new Map<number, number>();
      for await (const m of client.fetch(batch, { uid: true, size: true }, { uid: true }))
        sizes.set(m.uid, m.size ?? 0);
      for (const uid of batch) {
        if ((sizes.get(uid) ?? 0) > maxBytes) {
          result.skippedTooLarge++;
        } else {
          const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
          // Gone meanwhile (another reader expunged it): nothing to handle.
          const source = message === false ? undefined : message.source;
          if (source) {
            await handle(source, uid);
            result.handled++;
          }
        }
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      }
      return result;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
