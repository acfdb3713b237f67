// What the transactional-email processor sends: reload the reader, check they should still
// get this kind of email, and return the data the renderer needs (or why to skip). Pure
// decisions live here; rendering and SMTP stay in the worker.
import type { Db } from '@paperboy/db';
import { buildConfirmUrl, buildReaderLinks, type ReaderLinks } from '../tokens/reader-links';
import { followsTopics, type DigestMode } from './digest-mode';
import type { ReaderConfig, TransactionalKind } from './reader-deps';
import { isSuppressed, readerWithTopics, recordEvent } from './store';

interface Base {
  subscriberId: number;
  to: string;
  /** Same claim → same Message-ID, so a retried send is recognisably the same email. */
  idempotencyKey: string;
  links: ReaderLinks;
}

export type TransactionalEmail =
  | (Base & {
      kind: 'confirm';
      data: {
        reader: { email: string };
        topics: string[];
        digestMode: DigestMode;
        frequency: 'daily' | 'weekly';
        expiresInHours: number;
        links: { confirmUrl: string };
      };
    })
  | (Base & {
      kind: 'manage-link';
      data: { reader: { email: string }; links: { manageUrl: string; unsubscribeUrl: string } };
    })
  | (Base & { kind: 'goodbye'; data: { reader: { email: string }; links: { resubscribeUrl: string } } });

/** An unsubscribed reader whose address used the form after leaving: the confirmation is their way back. */
export function asksToReturn(s: {
  status: string;
  unsubscribedAt: Date | null;
  lastConfirmationSentAt: Date | null;
}): boolean {
  return (
    s.status === 'unsubscribed' &&
    !!s.unsubscribedAt &&
    !!s.lastConfirmationSentAt &&
    s.lastConfirmationSentAt > s.unsubscribedAt
  );
}

export type PreparedEmail = { send: TransactionalEmail } | { skip: string };

const ALLOWED: Record<TransactionalKind, string[]> = {
  confirm: ['pending'],
  'manage-link': ['active', 'paused'],
  goodbye: ['unsubscribed'],
};

export async function prepareTransactionalEmail(
  db: Db,
  config: ReaderConfig,
  job: { subscriberId: number; kind: TransactionalKind },
  now = new Date(),
): Promise<PreparedEmail> {
  const s = await readerWithTopics(db, job.subscriberId);
  if (!s) return { skip: 'subscriber no longer exists' };
  if (!ALLOWED[job.kind].includes(s.status) && !(job.kind === 'confirm' && asksToReturn(s)))
    return { skip: `subscriber is ${s.status}` };
  if (await isSuppressed(db, s.email)) return { skip: 'address is suppressed' };
  const links = buildReaderLinks(config, s.id, now);
  const stamp = (job.kind === 'goodbye' ? s.unsubscribedAt : s.lastConfirmationSentAt) ?? s.updatedAt;
  const base = { subscriberId: s.id, to: s.email, idempotencyKey: `${job.kind}-${s.id}-${stamp.getTime()}`, links };
  const reader = { email: s.email };
  if (job.kind === 'confirm') {
    const confirmUrl = buildConfirmUrl(config, s.id, now);
    // A top trending reader may have typed topics they do not get: the email lists what they will get.
    const topics = followsTopics(s.digestMode) ? s.topics.map((t) => t.raw) : [];
    const data = {
      reader,
      topics,
      digestMode: s.digestMode,
      frequency: s.frequency,
      expiresInHours: config.CONFIRM_LINK_HOURS,
      links: { confirmUrl },
    };
    return { send: { ...base, kind: 'confirm', data } };
  }
  if (job.kind === 'manage-link') {
    return {
      send: {
        ...base,
        kind: 'manage-link',
        data: { reader, links: { manageUrl: links.manageUrl, unsubscribeUrl: links.unsubscribeUrl } },
      },
    };
  }
  return { send: { ...base, kind: 'goodbye', data: { reader, links: { resubscribeUrl: links.unsubscribeUrl } } } };
}

const SENT_EVENT = {
  confirm: 'confirmation_sent',
  'manage-link': 'manage_link_sent',
  goodbye: 'goodbye_sent',
} as const;

export async function recordTransactionalSent(db: Db, email: TransactionalEmail, messageId: string): Promise<void> {
  await recordEvent(db, email.subscriberId, SENT_EVENT[email.kind], { messageId });
}
