// The admin overview's numbers: plain data, JSON-serialisable (it is cached in Redis as is).
import type { DailyOverview } from './daily-series';
export interface CountBy<K extends string = string> {
  key: K;
  count: number;
}

export interface IngestRunSummary {
  source: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  fetched: number;
  inserted: number;
  updated: number;
  rejected: number;
  error: string | null;
}

/** Bounces and complaints a relay reported after accepting the email, for one provider and reason. */
export interface AsyncBounceCount {
  /** ses, postmark, sendgrid, mailgun, mailbox */
  provider: string;
  /** hard_bounce, soft_bounce, complaint */
  reason: string;
  lastDay: number;
  last30Days: number;
}

export interface Overview {
  /** When these numbers were computed (ISO); the page says how old they are. */
  computedAt: string;
  /** How long computing them took, in milliseconds (shown to operators: a cheap health signal). */
  computeMs: number;
  readers: {
    total: number;
    byStatus: CountBy[];
    /** Active readers per frequency (the ones digests go to). */
    activeByFrequency: CountBy[];
    /** Active readers per digest mode (trending, topics, topics_trending), every mode even at zero. */
    activeByDigestMode: CountBy[];
    newThisWeek: number;
    unsubscribedThisWeek: number;
    bouncedOrComplained: number;
  };
  suppressions: { total: number; byReason: CountBy[] };
  /** Reported by relays after accepting (absent from snapshots cached before it existed). */
  asyncBounces?: AsyncBounceCount[];
  papers: { total: number; newThisWeek: number; bySource: CountBy[]; lastRuns: IngestRunSummary[] };
  deliveries: { sentToday: number; failedToday: number; pending: number; todayByStatus: CountBy[] };
  /** Per normalised topic key; `key` is the wording most of its readers typed. */
  topTopics: CountBy[];
  /** The last 30 days per UTC day (charts); a snapshot cached before they existed has none. */
  daily?: DailyOverview;
}
