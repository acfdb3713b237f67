// A test digest (the CLI's `digest:test <email>`): one digest, rendered and sent exactly like a
// real one, to any address, without recording a Delivery (so a reader's real digest and "never
// a paper twice" are untouched). A subscribed address gets their own ranked papers; any other
// address gets the most upvoted recent papers, so an operator can check templates and SMTP end
// to end. The caller owns the mail transport (and its DKIM signing): it opens and closes it.
import { buildRawMail, createRenderer, type Renderer } from '@paperboy/email';
import { isSuppressed } from '../subscribers/store';
import { digestClock, type DigestDeps } from './digest-deps';
import { pickRankedPapers } from './pick-papers';
import { type ClaimedDelivery, emailPapers, encodeReason, readerByEmailWithTopics, topEmailPapers } from './store';
import { composeDigest, type MailSender } from './send-digest.usecase';

export interface TestDigestDeps extends Pick<DigestDeps, 'db' | 'config' | 'now'> {
  /** The configured transport (Nodemailer's sendMail DKIM-signs when the transport has a key). */
  mail: MailSender;
  /** Default: a fresh renderer, made only when a digest is actually sent. */
  renderer?: Pick<Renderer, 'renderDigest'>;
}

export interface TestDigestOptions {
  /** Send even to a suppressed address (bounced, complained, unsubscribed). */
  force?: boolean;
}

export type TestDigestResult =
  | { status: 'sent'; messageId: string; papers: number; personalised: boolean }
  /** Not sent: the address is suppressed and `force` was not given. */
  | { status: 'suppressed' };

/** The reader id in a non-subscriber's links: no one (the pages answer "not found"). */
export const TEST_DIGEST_NO_READER = 2_147_483_647;

export const TEST_DIGEST_REASON = 'Test digest: the most upvoted recent papers';

async function papersFor(
  deps: TestDigestDeps,
  subscriberId: number | undefined,
  now: Date,
): Promise<ClaimedDelivery['papers']> {
  const { DIGEST_MAX_PAPERS: limit, MATCH_WINDOW_DAYS: windowDays } = deps.config;
  const since = new Date(now.getTime() - windowDays * 24 * 3600_000);
  if (subscriberId !== undefined) {
    const picked =
      (await pickRankedPapers(deps.db, [subscriberId], { limit, now, windowDays })).get(subscriberId) ?? [];
    const rows = await emailPapers(
      deps.db,
      picked.map((p) => p.paperId),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return picked.flatMap((p) => {
      const row = byId.get(p.paperId);
      const reason = encodeReason(p.reason, p);
      return row ? [{ ...row, reason }] : [];
    });
  }
  const rows = await topEmailPapers(deps.db, since, limit);
  return rows.map((row) => ({ ...row, reason: TEST_DIGEST_REASON }));
}

/** `email` is expected normalised (normalizeEmail) and usable (emailProblem). */
export async function sendTestDigest(
  deps: TestDigestDeps,
  email: string,
  options: TestDigestOptions = {},
): Promise<TestDigestResult> {
  if (!options.force && (await isSuppressed(deps.db, email))) return { status: 'suppressed' };
  const now = digestClock(deps);
  const reader = await readerByEmailWithTopics(deps.db, email);
  const papers = await papersFor(deps, reader?.id, now);
  const claimed: ClaimedDelivery = {
    // A fresh id per test (Message-ID "delivery-<ms>", far above real delivery ids).
    id: now.getTime(),
    subscriberId: reader?.id ?? TEST_DIGEST_NO_READER,
    periodKey: 'test',
    kind: 'digest',
    attempts: 1,
    email,
    frequency: reader?.frequency ?? 'daily',
    digestMode: reader?.digestMode ?? 'topics',
    timezone: reader?.timezone ?? 'UTC',
    topics: reader?.topics.map((t) => t.raw) ?? ['(test digest: no topics)'],
    papers,
  };
  const message = composeDigest(
    { config: deps.config, renderer: deps.renderer ?? (await createRenderer()) },
    claimed,
    now,
  );
  await deps.mail.sendMail(buildRawMail(message, now));
  return { status: 'sent', messageId: message.messageId, papers: papers.length, personalised: Boolean(reader) };
}
