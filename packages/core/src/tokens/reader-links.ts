// The links every email carries. The digest sender (issue 6) and the transactional emails
// build them here so that every link a reader ever gets has the same shape:
//   manage       {PUBLIC_URL}/manage/{token}        (GET page, POST saves)
//   unsubscribe  {PUBLIC_URL}/unsubscribe/{token}   (GET page; POST unsubscribes)
//   one-click    the same URL as unsubscribe: RFC 8058 clients POST `List-Unsubscribe=One-Click`
//                to it with no cookie and no CSRF token.
//   confirm      {PUBLIC_URL}/confirm/{token}       (GET page with the confirm button)
//   vote         {PUBLIC_URL}/vote/{token}/{paperId}?v=more|less   (GET page; POST records: feedback-links.ts)
//   topic        {PUBLIC_URL}/topic/{token}?do=fewer|mute (GET page; POST changes the topic)
//   add topic    {PUBLIC_URL}/add-topic/{token}       (GET page; POST adds the suggested topic)
import { signToken, type TokenPurpose, type TokenSecrets } from './signed-token';

export interface LinkConfig {
  PUBLIC_URL: string;
  SECRET_KEY: string;
  SECRET_KEY_PREVIOUS?: string;
  /** How long a confirmation link works (hours). */
  CONFIRM_LINK_HOURS?: number;
}

const HOUR = 3600_000;
/** Manage and unsubscribe links live long: a reader may act on a months-old digest. */
export const TOKEN_LIFETIME_HOURS: Record<TokenPurpose, number> = {
  confirm: 48,
  manage: 24 * 180,
  unsubscribe: 24 * 365,
  vote: 24 * 365,
  topic: 24 * 365,
  suggest: 24 * 365,
};

export interface ReaderLinks {
  manageUrl: string;
  unsubscribeUrl: string;
  /** The List-Unsubscribe URL (accepts the RFC 8058 one-click POST). */
  oneClickUrl: string;
}

export function tokenSecrets(config: LinkConfig): TokenSecrets {
  return { current: config.SECRET_KEY, previous: config.SECRET_KEY_PREVIOUS };
}

function lifetimeHours(config: LinkConfig, purpose: TokenPurpose): number {
  return purpose === 'confirm'
    ? (config.CONFIRM_LINK_HOURS ?? TOKEN_LIFETIME_HOURS.confirm)
    : TOKEN_LIFETIME_HOURS[purpose];
}

export function readerToken(
  config: LinkConfig,
  purpose: TokenPurpose,
  subscriberId: number,
  now = new Date(),
  ref?: string,
): string {
  const expiresAt = new Date(now.getTime() + lifetimeHours(config, purpose) * HOUR);
  return signToken(config.SECRET_KEY, { purpose, subscriberId, expiresAt, ...(ref !== undefined ? { ref } : {}) });
}

export function base(config: LinkConfig): string {
  return config.PUBLIC_URL.replace(/\/+$/, '');
}

export function buildReaderLinks(config: LinkConfig, subscriberId: number, now = new Date()): ReaderLinks {
  const unsubscribeUrl = `${base(config)}/unsubscribe/${readerToken(config, 'unsubscribe', subscriberId, now)}`;
  return {
    manageUrl: `${base(config)}/manage/${readerToken(config, 'manage', subscriberId, now)}`,
    unsubscribeUrl,
    oneClickUrl: unsubscribeUrl,
  };
}

export function buildConfirmUrl(config: LinkConfig, subscriberId: number, now = new Date()): string {
  return `${base(config)}/confirm/${readerToken(config, 'confirm', subscriberId, now)}`;
}

/** When a confirmation link was made: its expiry less its lifetime (to the second). */
export function confirmLinkIssuedAt(config: LinkConfig, expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - lifetimeHours(config, 'confirm') * HOUR);
}
