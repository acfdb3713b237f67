// The whole configuration surface of paperboy: every environment variable, its default and
// its validation. Operators script against these names (docs/architecture.md, "Interfaces
// operators script against"), so never rename one: add a new name and keep the old working.
import { z } from 'zod';

const bool = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => ['on', 'true', '1'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // HTTP
  /** Default: 127.0.0.1 in development (the dev mailbox and open admin stay local), else 0.0.0.0. */
  HOST: z.string().min(1).optional(),
  PORT: int(0, 65535).default(3000),
  PUBLIC_URL: url(['http', 'https']).optional(),
  TRUST_PROXY: z.string().default('loopback'),

  // Storage
  /** `embedded`: PGlite run by `npm start`, for trying paperboy (refused in production). */
  DATABASE_URL: z
    .literal('embedded')
    .or(url(['postgres', 'postgresql']))
    .default('postgresql://postgres@127.0.0.1:5432/paperboy'),
  /** Where `npm start` serves the embedded PostgreSQL when DATABASE_URL=embedded. */
  EMBEDDED_DATABASE_PORT: int(1, 65535).default(5433),
  /** Where the embedded PostgreSQL keeps its data (relative: to the repository). */
  EMBEDDED_DATABASE_DIR: z.string().min(1).default('.paperboy/pglite'),
  REDIS_URL: url(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
  /** BullMQ key prefix; use a hash tag such as `{paperboy}` on Redis Cluster. */
  REDIS_PREFIX: z.string().min(1).default('paperboy'),

  // Email
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().min(3).default('paperboy <paperboy@localhost>'),
  DEV_MAILBOX_PORT: int(0, 65535).default(1025),
  SMTP_POOL_SIZE: int(1, 100).default(5),
  SEND_RATE_PER_SECOND: int(1, 100000).default(100),
  DKIM_DOMAIN: z.string().optional(),
  DKIM_SELECTOR: z.string().optional(),
  DKIM_PRIVATE_KEY: z.string().optional(),

  // Security
  SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The previous SECRET_KEY, still accepted for verifying links during a rotation. */
  SECRET_KEY_PREVIOUS: z.string().min(16).optional(),
  ADMIN_USER: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SUBSCRIBE_CHALLENGE: bool.default(true),
  /** Proof-of-work size: the browser tries up to this many SHA-256 hashes (≈ half on average). */
  SUBSCRIBE_CHALLENGE_DIFFICULTY: int(1_000, 10_000_000).default(500_000),
  /** Sign-up attempts allowed per client IP and per address in each window (Redis, all instances). */
  SUBSCRIBE_LIMIT_PER_IP: int(1, 100_000).default(20),
  SUBSCRIBE_LIMIT_PER_EMAIL: int(1, 1_000).default(5),
  SUBSCRIBE_LIMIT_WINDOW_SECONDS: int(1, 7 * 24 * 3600).default(3600),
  /** POST /subscribe answers this many ms after the request began, whatever the address's state (no enumeration by timing); 0 turns it off. */
  SUBSCRIBE_ANSWER_MS: int(0, 10_000).default(250),
  /** At most one confirmation (or "manage your subscription") email per address per this many minutes. */
  CONFIRM_RESEND_MINUTES: int(0, 24 * 60).default(10),
  /** How long a confirmation link works. */
  CONFIRM_LINK_HOURS: int(1, 24 * 30).default(48),
  /** Readers who never confirm are deleted this many days after their last confirmation email (0 keeps them). */
  UNCONFIRMED_READER_DAYS: int(0, 3650).default(30),
  /** Send a goodbye email after an unsubscribe (off: unsubscribed readers get nothing more). */
  GOODBYE_EMAIL: bool.default(false),
  METRICS_TOKEN: z.string().min(8).optional(),
  /** Port of the worker's own /metrics (the worker is a separate process with its own registry); 0 turns it off. */
  METRICS_PORT: int(0, 65535).default(9464),
  /** Interface of the worker's /metrics: loopback unless a scraper elsewhere needs it (then METRICS_TOKEN is required). */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Admin overview numbers are a snapshot cached in Redis, recomputed in the background when older than this. */
  STATS_CACHE_SECONDS: int(1, 86400).default(30),

  // Digests
  DIGEST_MAX_PAPERS: int(1, 100).default(10),
  DIGEST_HOUR: int(0, 23).default(8),
  /** Papers published within this many days are digest candidates; a newly followed topic is matched against them. */
  MATCH_WINDOW_DAYS: int(1, 365).default(14),
  /**
   * Term associations (issue 12): the daily rebuild learns them from the papers published within
   * this many days (the most recent 20,000 at most), so they follow what the field writes now.
   */
  ASSOCIATION_WINDOW_DAYS: int(1, 3650).default(180),
  /**
   * Trending papers (issue 19): a paper needs at least this many upvotes in the period to be
   * "top trending", so a quiet day sends no noise (a trending-only reader then gets no digest).
   */
  TRENDING_MIN_UPVOTES: int(0, 1_000_000).default(5),
  /**
   * Guidance while readers type (issue 13): a topic matching more than this share of the last
   * two weeks' papers is called too broad on the subscribe form and the preferences page.
   */
  PREVIEW_BROAD_SHARE: z.coerce.number().gt(0).max(1).default(0.3),
  /** The newest papers of those two weeks the preview reads at most (it says so when it stops there). */
  PREVIEW_MAX_PAPERS: int(10, 100_000).default(500),
  /** No email when nothing new matched a reader this period (off: send an "all quiet" digest). */
  DIGEST_SKIP_EMPTY: bool.default(true),
  /**
   * Never silent: after this many empty periods in a row (no digest sent), one short notice
   * says what the reader follows, what each topic matched lately and broader topics to try;
   * at most once per this many periods. 0 turns notices off.
   */
  EMPTY_PERIODS_NOTICE: int(0, 365).default(3),
  /**
   * Readers teach paperboy: "more/less like this" votes fit a model per reader that re-ranks
   * their digest and adds at most this many papers beyond their topics ("Because you liked …").
   * 0: votes still re-rank, nothing is added.
   */
  LEARNED_EXTRA_PAPERS: int(0, 10).default(3),
  /**
   * Worker processes the worker command runs (node:cluster: one primary forks this many, each a
   * whole worker). 1 by default: on a host whose cores also run
   * Postgres (a 2-core machine, BENCHMARKS.md "Sending"), a second process sent no faster and
   * spent ~40 % more CPU per digest; raise it where the worker has cores of its own.
   */
  WORKER_PROCESSES: int(1, 64).default(1),
  /** Digest sends in flight per worker process (the shared SEND_RATE_PER_SECOND caps the total). */
  SEND_CONCURRENCY: int(1, 1000).default(20),
  /**
   * Threads per worker process that compose digests (render and MIME) off its event loop, which
   * then only claims, sends and records. "auto" (default): 1 when the machine has more cores
   * than WORKER_PROCESSES, else 0 (composing on the event loop). On 2 cores one process sent
   * ~14 % faster with the thread; two processes with a thread each, ~8 % slower than without
   * (BENCHMARKS.md, "Sending").
   */
  SEND_COMPOSE_THREADS: z.union([z.literal('auto'), int(0, 16)]).default('auto'),
  /**
   * Digests per send job. One job per email cost more in queue bookkeeping than the email
   * itself; a batch is claimed, rendered and recorded together. Lowered automatically to
   * SEND_RATE_PER_SECOND when that is smaller, so that the job limiter still holds the rate.
   */
  SEND_BATCH_SIZE: int(1, 500).default(50),
  /** First retry delay after a transient SMTP failure (4xx, dropped connection); doubles per attempt, with jitter. */
  SEND_RETRY_BASE_MS: int(10, 3_600_000).default(60_000),
  /** This many consecutive SMTP failures (across all workers) pause the send queue (the breaker opens). */
  SEND_PAUSE_AFTER_ERRORS: int(1, 100_000).default(10),
  /**
   * This long (ms) after the breaker paused sending, a worker probes with a few emails: success
   * resumes sending, failure pauses again for twice as long (up to SEND_RESUME_MAX_MS). 0: only an operator resumes.
   */
  SEND_RESUME_AFTER_MS: int(0, 86_400_000).default(60_000),
  SEND_RESUME_MAX_MS: int(100, 86_400_000).default(3_600_000),
  /**
   * A send claims its delivery for this long: a delivery still 'sending' after it is presumed
   * abandoned (its worker died) and may be sent again; deliveries stuck this long are re-queued.
   * Keep it well above the SMTP timeouts (a minute or so).
   */
  SEND_LEASE_SECONDS: int(1, 86_400).default(300),
  /** A job whose worker stopped answering (killed) is taken over by another worker after this long. */
  JOB_LOCK_SECONDS: int(1, 3600).default(30),

  // Asynchronous bounces and complaints (issue 17 item 18): each relay's webhook is on only when its secret is set.
  /** Amazon SES via SNS: the topic ARNs (comma-separated) whose signed notifications are accepted. */
  BOUNCE_SES_TOPIC_ARNS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/, 'expected SNS topic ARNs')),
    )
    .optional(),
  /** Tests only (NODE_ENV=test): a regular expression for SNS certificate and SubscribeURL addresses, to serve them on loopback. */
  BOUNCE_SNS_URL_PATTERN: z.string().min(1).optional(),
  /** Postmark sends no signature: its webhook URL carries these basic-auth credentials. */
  BOUNCE_POSTMARK_USER: z.string().min(1).optional(),
  BOUNCE_POSTMARK_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** SendGrid Signed Event Webhook: the verification key SendGrid shows (base64), or a PEM public key. */
  BOUNCE_SENDGRID_PUBLIC_KEY: z.string().min(1).optional(),
  /** Mailgun: the HTTP webhook signing key. */
  BOUNCE_MAILGUN_SIGNING_KEY: z.string().min(8).optional(),
  /** A mailbox receiving DSNs (RFC 3464) and ARF complaints (RFC 5965): imaps://user:password@host/Folder (imap:// uses STARTTLS when offered). */
  BOUNCE_IMAP_URL: url(['imap', 'imaps']).optional(),
  /** Seconds between polls of BOUNCE_IMAP_URL. */
  BOUNCE_IMAP_EVERY_SECONDS: int(10, 86_400).default(300),
  /**
   * Soft bounces suppress nothing, unless an address gathers this many within
   * BOUNCE_SOFT_WINDOW_DAYS: then it is suppressed as a hard bounce (a mailbox full for weeks is
   * abandoned). 0 turns that off.
   */
  BOUNCE_SOFT_LIMIT: int(0, 1000).default(0),
  BOUNCE_SOFT_WINDOW_DAYS: int(1, 365).default(30),

  // Paper sources
  HF_BASE_URL: url(['http', 'https']).default('https://huggingface.co'),
  ARXIV_BASE_URL: url(['http', 'https']).default('https://export.arxiv.org'),
  /** arXiv categories the arxiv schedule pulls, comma-separated. */
  ARXIV_CATEGORIES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, 'expected arXiv categories such as cs.LG,cs.CL')).min(1))
    .default(['cs.LG', 'cs.CL', 'cs.AI']),
  /** Repeatable ingest jobs: auto = on in production only (development and tests use the demo feed, often offline). */
  INGEST_SCHEDULE: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Minutes between Hugging Face pulls (daily list and trending list); 0 turns them off. */
  INGEST_HF_EVERY_MINUTES: int(0, 7 * 24 * 60).default(60),
  /** Minutes between arXiv pulls (arXiv publishes once a day and asks for gentle use); 0 turns it off. */
  INGEST_ARXIV_EVERY_MINUTES: int(0, 7 * 24 * 60).default(360),
  /** A first run looks this many days back; later runs start a day before the last successful one. */
  INGEST_LOOKBACK_DAYS: int(1, 62).default(2),
  /** Per-request timeout and retries (with backoff) when pulling a source, before the job itself retries. */
  INGEST_HTTP_TIMEOUT_SECONDS: int(1, 600).default(30),
  INGEST_HTTP_RETRIES: int(0, 20).default(4),
  /** Days of upvote snapshots kept per paper (trending = upvotes gained; older ones are pruned after hf-daily runs). */
  SIGNAL_HISTORY_DAYS: int(2, 365).default(14),
  /** POST /api/papers: largest body accepted (larger: 413) and most papers per request. */
  PAPERS_API_MAX_BODY_KB: int(1, 102_400).default(1024),
  PAPERS_API_MAX_BATCH: int(1, 10_000).default(1000),
});

export type Env = z.infer<typeof envSchema>;
