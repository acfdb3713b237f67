// arXiv API (Atom): `GET {baseUrl}/api/query?search_query=(cat:a OR cat:b) AND
// submittedDate:[from TO to]&sortBy=submittedDate&sortOrder=descending&start=&max_results=`.
// Pages newest first; each batch's cursor is the next `start`, pinned to the run's since and
// until so papers submitted after the run began cannot shift the offsets of a resumed run.
import { getWithRetry, type HttpOptions } from '../http/http-get';
import { abortableSleep } from '../http/retry-timing';
import { SourceError } from '../http/source-error';
import { normalizePaper } from '../normalize/normalize-paper';
import type {
  FetchOptions,
  NormalizedPaper,
  PaperBatch,
  PaperSource,
  RejectedRecord,
  SourceCursor,
} from '../paper.types';
import { cursorField, requireHttpUrl, requireInt, resolveRange } from '../source-options';
import { arxivEntryToPaperInput, parseArxivFeed, type ArxivFeed } from './arxiv-atom';

export interface ArxivSourceOptions {
  baseUrl: string;
  /** arXiv categories, e.g. ['cs.LG', 'cs.CL', 'cs.AI']. */
  categories: string[];
  pageSize?: number;
  /** Stop after this many entries per fetch, whatever the range holds. */
  maxResults?: number;
  /** arXiv asks clients for one request every 3 seconds; waits use http.sleep. */
  pageDelayMs?: number;
  http?: HttpOptions;
  now?: () => Date;
  name?: string;
}

const CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;

export class ArxivSource implements PaperSource {
  readonly name: string;
  private readonly baseUrl: string;
  private readonly categories: string[];
  private readonly pageSize: number;
  private readonly maxResults: number;
  private readonly pageDelayMs: number;

  constructor(private readonly options: ArxivSourceOptions) {
    this.baseUrl = requireHttpUrl(options.baseUrl, 'baseUrl');
    if (!Array.isArray(options.categories) || options.categories.length === 0)
      throw new Error('categories: at least one arXiv category is required');
    const bad = options.categories.filter((c) => !CATEGORY.test(c));
    if (bad.length) throw new Error(`categories: not arXiv categories: ${bad.join(', ')}`);
    this.categories = [...options.categories];
    this.pageSize = requireInt(options.pageSize ?? 100, 'pageSize', 1, 2000);
    this.maxResults = requireInt(options.maxResults ?? 2000, 'maxResults', 1, 30000);
    this.pageDelayMs = requireInt(options.pageDelayMs ?? 3000, 'pageDelayMs', 0, 60000);
    this.name = options.name ?? 'arxiv';
  }

  /** With a cursor, the date range comes from the cursor, so the query (and its offsets) is the same. */
  async *fetch(options: FetchOptions = {}): AsyncIterable<PaperBatch> {
    const { since, until, start: first } = options.cursor ? this.fromCursor(options.cursor) : this.plan(options);
    const sleep = this.options.http?.sleep ?? abortableSleep;
    for (let start: number | null = first; start !== null; ) {
      if (start !== first && this.pageDelayMs > 0) await sleep(this.pageDelayMs, options.signal);
      const url = this.url(start, since, until);
      const feed = await getWithRetry(url, parseArxivFeed, { ...this.options.http, signal: options.signal });
      if (feed.error)
        throw new SourceError('client_error', `GET ${url}: arXiv refused the query: ${feed.error}`, { url });
      const next = this.nextStart(start, feed);
      const cursor =
        next === null
          ? null
          : { source: this.name, start: next, since: since?.toISOString() ?? null, until: until.toISOString() };
      yield this.toBatch(feed, start, since, cursor);
      start = next;
    }
  }

  private plan(options: FetchOptions): { since?: Date; until: Date; start: number } {
    return { ...resolveRange(options, this.options.now?.() ?? new Date()), start: 0 };
  }

  private fromCursor(cursor: SourceCursor): { since?: Date; until: Date; start: number } {
    if (cursor.source !== this.name) throw new Error(`cursor belongs to ${String(cursor.source)}, not ${this.name}`);
    const since =
      cursor.since === null || cursor.since === undefined
        ? undefined
        : new Date(cursorField(cursor, 'since', 'string'));
    const until = new Date(cursorField(cursor, 'until', 'string'));
    const range = resolveRange(since ? { since, until } : { until }, until);
    return {
      ...range,
      start: requireInt(cursorField(cursor, 'start', 'number'), 'cursor.start', 0, this.maxResults - 1),
    };
  }

  private url(start: number, since: Date | undefined, until: Date): string {
    const cats = this.categories.map((c) => `cat:${c}`).join(' OR ');
    const range = since ? ` AND submittedDate:[${stamp(since)} TO ${stamp(until)}]` : '';
    const query = new URLSearchParams({
      search_query: this.categories.length > 1 || range ? `(${cats})${range}` : cats,
      sortBy: 'submittedDate',
      sortOrder: 'descending',
      start: String(start),
      max_results: String(Math.min(this.pageSize, this.maxResults - start)),
    });
    return `${this.baseUrl}/api/query?${query}`;
  }

  /** Done on an empty page, at the reported total, or at our own cap. */
  private nextStart(start: number, feed: ArxivFeed): number | null {
    const next = start + feed.entries.length;
    if (feed.entries.length === 0 || next >= feed.totalResults || next >= this.maxResults) return null;
    return next;
  }

  private toBatch(feed: ArxivFeed, start: number, since: Date | undefined, cursor: SourceCursor | null): PaperBatch {
    const papers: NormalizedPaper[] = [];
    const rejected: RejectedRecord[] = [];
    feed.entries.forEach((entry, i) => {
      const result = normalizePaper(arxivEntryToPaperInput(entry), this.name);
      if (!result.ok)
        rejected.push({
          reason: result.reason,
          location: `start=${start} entry=${i}`,
          ...(result.recordId ? { recordId: result.recordId } : {}),
        });
      // The query already filters by date; this guards servers (and mirrors) that ignore it.
      else if (!since || result.paper.publishedAt >= since) papers.push(result.paper);
    });
    return { papers, rejected, cursor, fetched: feed.entries.length, location: `start=${start}` };
  }
}

/** arXiv's submittedDate format: YYYYMMDDHHMM in UTC. */
function stamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-T:]/g, '');
}
