// The digest's feedback links, signed per reader (and topic links per topic key), so a link can
// only ever speak for the reader it was sent to, and needs no login:
//   {PUBLIC_URL}/vote/{token}/{paperId}?v=more   "more like this" (less: v=less) — token names the reader
//   {PUBLIC_URL}/topic/{token}?do=fewer "fewer on this topic" (mute: do=mute) — reader + topic key
//   {PUBLIC_URL}/add-topic/{token}      "add this topic" (a related topic the digest suggests) — reader + topic key
// Opening one only shows a page; the page records the choice by a POST (feedback-page pattern
// in apps/api), so mail scanners and prefetchers that open every link change nothing.
import { AppError } from '../errors';
import { base, readerToken, tokenSecrets, type LinkConfig } from './reader-links';
import { verifyToken } from './signed-token';

/**
 * Where this reader's vote links begin: each card adds its paper id (and ?v=more|less). One
 * signature per digest instead of one per paper (HMAC and token encoding were ~6 % of the
 * sender's CPU, BENCHMARKS.md "Sending", session 13). The paper id is not signed: whoever holds
 * the link can vote on any paper, but only for this reader, whose email also carries the manage
 * link (which can do more), and a vote only steers this reader's own digests.
 */
export function voteLinkBase(config: LinkConfig, subscriberId: number, now = new Date()): string {
  return `${base(config)}/vote/${readerToken(config, 'vote', subscriberId, now)}/`;
}

export function voteLink(config: LinkConfig, subscriberId: number, paperId: number, now = new Date()): string {
  return `${voteLinkBase(config, subscriberId, now)}${paperId}`;
}

export function topicLink(config: LinkConfig, subscriberId: number, topicKey: string, now = new Date()): string {
  return `${base(config)}/topic/${readerToken(config, 'topic', subscriberId, now, `t${topicKey}`)}`;
}

/** "Add this topic": its own purpose, so a fewer/mute link cannot add and this one cannot mute. */
export function addTopicLink(config: LinkConfig, subscriberId: number, topicKey: string, now = new Date()): string {
  return `${base(config)}/add-topic/${readerToken(config, 'suggest', subscriberId, now, `t${topicKey}`)}`;
}

function badLink(): AppError {
  return new AppError('invalid_token', 'This link is not valid. Open it again from the email.');
}

/**
 * The reader and paper a vote link names (throws invalid_token / expired_token): the paper from
 * the path after the token, or, in older links (one token per paper), from the token itself (`ref`
 * "p<id>"; such a link has nothing after the token).
 */
export function verifyVoteToken(config: LinkConfig, token: unknown, now = new Date(), paperInPath?: unknown) {
  const claims = verifyToken(tokenSecrets(config), token, 'vote', now);
  const paperId =
    claims.ref === undefined
      ? /^[1-9]\d{0,9}$/.exec(typeof paperInPath === 'string' ? paperInPath : '')?.[0]
      : paperInPath === undefined
        ? /^p([1-9]\d{0,9})$/.exec(claims.ref)?.[1]
        : undefined;
  if (!paperId || Number(paperId) > 2 ** 31 - 1) throw badLink();
  return { subscriberId: claims.subscriberId, paperId: Number(paperId) };
}

/** The reader and topic key a topic link names. */
export function verifyTopicToken(config: LinkConfig, token: unknown, now = new Date()) {
  const claims = verifyToken(tokenSecrets(config), token, 'topic', now);
  if (!claims.ref?.startsWith('t') || claims.ref.length < 2) throw badLink();
  return { subscriberId: claims.subscriberId, topicKey: claims.ref.slice(1) };
}

/** The reader and topic key an "add this topic" link names. */
export function verifyAddTopicToken(config: LinkConfig, token: unknown, now = new Date()) {
  const claims = verifyToken(tokenSecrets(config), token, 'suggest', now);
  if (!claims.ref?.startsWith('t') || claims.ref.length < 2) throw badLink();
  return { subscriberId: claims.subscriberId, topicKey: claims.ref.slice(1) };
}
