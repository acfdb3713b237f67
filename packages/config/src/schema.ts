// The whole configuration surface of paperboy: every environment variable, its default and
// its validation. DESIGN.md §8 names these; operators script against them, so never rename.
import { z } from 'zod';

const bool = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => ['on', 'true', '1'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: string[]) =>
  z.string().url().refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
    message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // HTTP
  HOST: z.string().default('0.0.0.0'),
  PORT: int(0, 65535).default(3000),
  PUBLIC_URL: url(['http', 'https']).optional(),
  TRUST_PROXY: z.string().default('loopback'),

  // Storage
  DATABASE_URL: url(['postgres', 'postgresql']).default('postgresql://postgres@127.0.0.1:5432/paperboy'),
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
  METRICS_TOKEN: z.string().min(8).optional(),

  // Digests
  DIGEST_MAX_PAPERS: int(1, 100).default(10),
  DIGEST_HOUR: int(0, 23).default(8),

  // Paper sources
  HF_BASE_URL: url(['http', 'https']).default('https://huggingface.co'),
  ARXIV_BASE_URL: url(['http', 'https']).default('https://export.arxiv.org'),
});

export type Env = z.infer<typeof envSchema>;
