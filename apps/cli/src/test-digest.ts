// `digest:test <email>`: one digest, rendered and sent exactly like a real one, to any address,
// without recording a Delivery (so a reader's real digest and "never a paper twice" are
// untouched). A subscribed address gets their own ranked papers; any other address gets the
// most upvoted recent papers, so an operator can check templates and SMTP end to end.
import { buildRawMail, composeDigest, hashEmail, pickRankedPapers } from '@paperboy/core';
import { createMailTransport, createRenderer } from '@paperboy/email';
import type { CliContext } from './cli-context';

type ClaimedDeliveryLike = Parameters<typeof composeDigest>[1];

export interface TestDigestResult {
  messageId: string;
  papers: number;
  personalised: boolean;
}

const PAPER_COLUMNS = { id: true, title: true, sourceId: true, authors: true, abstract: true, upvotes: true, hfUrl: true, arxivUrl: true, pdfUrl: true, githubRepo: true } as const;

async function papersFor(ctx: CliContext, subscriberId: number | undefined, now: Date): Promise<ClaimedDeliveryLike['papers']> {
  const { DIGEST_MAX_PAPERS: limit, MATCH_WINDOW_DAYS: windowDays } = ctx.config;
  const since = new Date(now.getTime() - windowDays * 24 * 3600_000);
  if (subscriberId !== undefined) {
    const picked = (await pickRankedPapers(ctx.db, [subscriberId], { limit, now, windowDays })).get(subscriberId) ?? [];
    const rows = await ctx.db.paper.findMany({ where: { id: { in: picked.map((p) => p.paperId) } }, select: PAPER_COLUMNS });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return picked.flatMap((p) => {
      const row = byId.get(p.paperId);
      const reason = typeof p.reason === 'string' ? p.reason : JSON.stringify({ topic: p.reason.topic, matched: p.reason.matched, field: p.reason.field, text: p.reason.text });
      return row ? [{ ...row, reason }] : [];
    });
  }
  const rows = await ctx.db.paper.findMany({ where: { publishedAt: { gte: since }, withdrawnAt: null }, orderBy: [{ upvotes: 'desc' }, { id: 'desc' }], take: limit, select: PAPER_COLUMNS });
  return rows.map((row) => ({ ...row, reason: 'Test digest: the most upvoted recent papers' }));
}

export async function sendTestDigest(ctx: CliContext, email: string, now = new Date()): Promise<TestDigestResult> {
  const reader = await ctx.db.subscriber.findUnique({ where: { email }, include: { topics: { select: { raw: true } } } });
  const papers = await papersFor(ctx, reader?.id, now);
  const claimed: ClaimedDeliveryLike = {
    // A fresh id per test (Message-ID "delivery-<ms>", far above real delivery ids).
    id: now.getTime(),
    // Links need a reader id; a non-subscriber's point at no one (the pages answer "not found").
    subscriberId: reader?.id ?? 2_147_483_647,
    periodKey: 'test',
    attempts: 1,
    email,
    frequency: reader?.frequency ?? 'daily',
    timezone: reader?.timezone ?? 'UTC',
    topics: reader?.topics.map((t) => t.raw) ?? ['(test digest: no topics)'],
    papers,
  };
  const message = composeDigest({ config: ctx.config, renderer: await createRenderer() }, claimed, now);
  const c = ctx.config;
  const mail = createMailTransport({
    smtpUrl: c.SMTP_URL,
    devMailboxPort: c.DEV_MAILBOX_PORT,
    poolSize: 1,
    dkim: c.DKIM_DOMAIN ? { domainName: c.DKIM_DOMAIN, keySelector: c.DKIM_SELECTOR!, privateKey: c.DKIM_PRIVATE_KEY! } : undefined,
  });
  try {
    await mail.sendMail(buildRawMail(message, now));
  } finally {
    mail.close();
  }
  return { messageId: message.messageId, papers: papers.length, personalised: Boolean(reader) };
}

export const isSuppressed = async (ctx: CliContext, email: string): Promise<boolean> =>
  Boolean(await ctx.db.suppression.findUnique({ where: { emailHash: hashEmail(email) } }));
