// Test-only: real Postgres and Redis for the ingestion use cases, plus a scripted source.
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { createLogger } from '@paperboy/logger';
import { closeQueues, createQueues, createRedis, QUEUE, type Queues, type Redis } from '@paperboy/queue';
import {
  SourceError,
  type FetchOptions,
  type NormalizedPaper,
  type PaperBatch,
  type PaperSource,
  type SourceCursor,
} from '@paperboy/papers';
import type { IngestDeps } from '../src/ingest/ingest-deps';

export interface IngestTestEnv {
  deps: IngestDeps;
  database: TestDatabase;
  matchQueue: Queues[typeof QUEUE.match];
  matchJobs(): Promise<{ id: string; paperIds: number[] }[]>;
  close(): Promise<void>;
}

export async function createIngestTestEnv(): Promise<IngestTestEnv> {
  const database = await createTestDatabase();
  const redis: Redis = createRedis('redis://127.0.0.1:6379');
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const queues = createQueues(redis, prefix);
  const matchQueue = queues[QUEUE.match];
  const logger = createLogger({ level: 'silent', name: 'ingest-test' });
  return {
    deps: { db: database.db, queues, redis, redisPrefix: prefix, logger },
    database,
    matchQueue,
    async matchJobs() {
      const jobs = await matchQueue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      return jobs
        .map((j) => ({ id: j.id!, paperIds: j.data.paperIds as number[] }))
        .sort((a, b) => a.id.localeCompare(b.id));
    },
    async close() {
      await matchQueue.obliterate({ force: true }).catch(() => undefined);
      await closeQueues(queues);
      redis.disconnect();
      await database.drop();
    },
  };
}

/** Pages of papers; `failAt` makes the fetch of that page throw (once per entry in the list). */
export class ScriptedSource implements PaperSource {
  readonly cursorsSeen: (SourceCursor | null)[] = [];
  constructor(
    readonly name: string,
    private readonly pages: NormalizedPaper[][],
    readonly failures: { page: number; error: Error }[] = [],
  ) {}

  async *fetch(options: FetchOptions = {}): AsyncIterable<PaperBatch> {
    this.cursorsSeen.push(options.cursor ?? null);
    for (let page = Number(options.cursor?.page ?? 0); page < this.pages.length; page++) {
      const failure = this.failures.findIndex((f) => f.page === page);
      if (failure >= 0) throw this.failures.splice(failure, 1)[0]!.error;
      const papers = this.pages[page]!;
      const last = page === this.pages.length - 1;
      yield {
        papers,
        rejected: [],
        fetched: papers.length,
        location: `page=${page}`,
        cursor: last ? null : { source: this.name, page: page + 1 },
      };
    }
  }
}

export const retryableError = () =>
  new SourceError('server_error', 'GET http://hf.test/api/daily_papers: HTTP 503', { status: 503 });
export const permanentError = () =>
  new SourceError('client_error', 'GET http://hf.test/api/daily_papers: HTTP 404', { status: 404 });
