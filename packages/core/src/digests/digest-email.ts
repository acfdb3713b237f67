// A claimed delivery as the reader's email: the cards, this reader's signed links (manage,
// unsubscribe, votes, topic controls, "add this topic") and the MIME buffer SMTP takes. Pure
// work on data the claim returned, with no database: a compose thread (compose-threads.ts)
// runs it off the worker's event loop.
import { buildMessage, buildRawMail, type RawMail, type RenderedEmail, type Renderer } from '@paperboy/email';
import type { DigestSuggestion } from '../feedback/related-topics';
import { buildReaderLinks } from '../tokens/reader-links';
import { addTopicLink, topicLink, voteLinkBase } from '../tokens/feedback-links';
import { quietTopics, toCardWithoutVotes, toDigestPaper } from './digest-card';
import type { DigestConfig } from './digest-deps';
import type { ClaimedDelivery } from './store';

export const DIGEST_LIST = { name: 'paperboy digest', id: 'digest' };

export interface ComposeDeps {
  config: DigestConfig;
  renderer: Pick<Renderer, 'renderDigest'>;
}

export function composeDigest(
  deps: ComposeDeps,
  claimed: ClaimedDelivery,
  now: Date,
  suggestion?: DigestSuggestion,
): ReturnType<typeof buildMessage> {
  const links = buildReaderLinks(deps.config, claimed.subscriberId, now);
  const topics = claimed.digestMode === 'trending' ? [] : claimed.topics;
  // Feedback links only where votes and topic controls act: a digest with topic sections.
  const feedback = topics.length > 0 ? feedbackLinks(deps.config, claimed, now) : undefined;
  const suggest =
    feedback && suggestion
      ? {
          topic: suggestion.label,
          papers: suggestion.papers,
          url: addTopicLink(deps.config, claimed.subscriberId, suggestion.key, now),
        }
      : undefined;
  const papers = claimed.papers.map(feedback ? toDigestPaper : toCardWithoutVotes);
  const content = deps.renderer.renderDigest({
    reader: { email: claimed.email },
    topics,
    frequency: claimed.frequency,
    papers,
    quietTopics: quietTopics(topics, papers),
    date: now,
    timeZone: claimed.timezone,
    links: {
      manageUrl: links.manageUrl,
      unsubscribeUrl: links.unsubscribeUrl,
      ...feedback,
      ...(suggest && { suggest }),
    },
  });
  return deliveryMessage(deps.config, claimed, content, links.oneClickUrl);
}

/** A delivery's email, digest or notice, under the digest list's headers and one-click unsubscribe. */
export function deliveryMessage(
  config: Pick<DigestConfig, 'MAIL_FROM' | 'SECRET_KEY'>,
  claimed: Pick<ClaimedDelivery, 'id' | 'email'>,
  content: RenderedEmail,
  oneClickUrl: string,
): ReturnType<typeof buildMessage> {
  return buildMessage({
    from: config.MAIL_FROM,
    to: claimed.email,
    content,
    // The delivery id: every attempt of this delivery carries the same Message-ID.
    idempotencyKey: `delivery-${claimed.id}`,
    secretKey: config.SECRET_KEY,
    list: DIGEST_LIST,
    unsubscribe: { url: oneClickUrl },
  });
}

/** This reader's signed "more / less like this" links (one start for every paper) and topic link per section. */
function feedbackLinks(config: DigestConfig, claimed: ClaimedDelivery, now: Date) {
  const voteBase = voteLinkBase(config, claimed.subscriberId, now);
  const topics: Record<string, string> = {};
  claimed.topics.forEach((raw, i) => {
    const key = claimed.topicKeys?.[i];
    if (key) topics[raw.replace(/\s+/g, ' ').trim()] = topicLink(config, claimed.subscriberId, key, now);
  });
  return { voteBase, topics };
}

/** The digest as the MIME buffer SMTP takes (see composeDigest). */
export function composeRawDigest(
  deps: ComposeDeps,
  claimed: ClaimedDelivery,
  now: Date,
  suggestion?: DigestSuggestion,
): RawMail {
  return buildRawMail(composeDigest(deps, claimed, now, suggestion), now);
}
