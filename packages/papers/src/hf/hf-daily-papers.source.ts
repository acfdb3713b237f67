// Hugging Face daily papers (DESIGN §7): `GET {baseUrl}/api/daily_papers?date=&limit=&p=&sort=`.
// Walks each UTC day of the range page by page (or the undated trending list), and yields
// one batch per page with the cursor of the next page, so a run that dies resumes there.
import { getWithRetry, type HttpOptions } from '../http/http-get';
import type {
  FetchOptions,
  PaperBatch,
  PaperSource,
  RejectedRecord,
  SourceCursor,
  NormalizedPaper,
} from '../paper.types';
import { cursorField, requireHttpUrl, requireInt, resolveRange, utcDays } from '../source-options';
import { normalizeHfItem } from './hf-daily-paper';

export type HfSort = 'publishedAt' | 'trending';

export interface HfDailyPapersOptions {
  baseUrl: string;
  /** `trending` without a date range reads HF's current trending list. */
  sort?: HfSort;
  /** `limit` per request (HF serves at most 100). */
  pageSize?: number;
  /** Guard against a server that ignores `p` and repeats the same page forever. */
  maxPagesPerDay?: number;
  maxDays?: number;
  http?: HttpOptions;
  now?: () => Date;
  name?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One unit of work: a day (or the undated list, `null`) and a page number in it. */
interface Position {
  date: string | null;
  page: number;
}

export class HfDailyPapersSource implements PaperSource {
  readonly name: string;
  private readonly baseUrl: string;
  private readonly sort: HfSort;
  private readonly pageSize: number;
  private readonly maxPages: number;
  private readonly maxDays: number;

  constructor(private readonly options: HfDailyPapersOptions) {
    this.baseUrl = requireHttpUrl(options.baseUrl, 'baseUrl');
    this.sort = options.sort ?? 'publishedAt';
    if (this.sort !== 'publishedAt' && this.sort !== 'trending')
      throw new Error(`sort: expected publishedAt or trending, got ${String(this.sort)}`);
    this.pageSize = requireInt(options.pageSize ?? 50, 'pageSize', 1, 100);
    this.maxPages = requireInt(options.maxPagesPerDay ?? 20, 'maxPagesPerDay', 1, 1000);
    this.maxDays = requireInt(options.maxDays ?? 62, 'maxDays', 1, 3660);
    this.name = options.name ?? 'huggingface';
  }

  /** With a cursor, the range comes from the cursor: a resumed run ends where the first would have. */
  async *fetch(options: FetchOptions = {}): AsyncIterable<PaperBatch> {
    const { days, start } = options.cursor ? this.fromCursor(options.cursor) : this.plan(options);
    let pos: Position | null = start;
    while (pos) {
      const items = await getWithRetry(this.url(pos), parseItemList, { ...this.options.http, signal: options.signal });
      const next = this.next(pos, items.length, days);
      yield this.toBatch(items, pos, next, days);
      pos = next;
    }
  }

  /** The days to walk; `[null]` means HF's undated list (today's, or trending). */
  private plan(options: FetchOptions): { days: (string | null)[]; start: Position } {
    const now = this.options.now?.() ?? new Date();
    const { since, until } = resolveRange(options, now);
    const days =
      !since && !options.until && this.sort === 'trending' ? [null] : utcDays(since ?? until, until, this.maxDays);
    return { days, start: { date: days[0] ?? null, page: 0 } };
  }

  private url({ date, page }: Position): string {
    const query = new URLSearchParams({ limit: String(this.pageSize), p: String(page), sort: this.sort });
    if (date) query.set('date', date);
    return `${this.baseUrl}/api/daily_papers?${query}`;
  }

  /** A short page means the day is exhausted; so does the page guard. */
  private next(pos: Position, count: number, days: (string | null)[]): Position | null {
    if (count >= this.pageSize && pos.page + 1 < this.maxPages) return { date: pos.date, page: pos.page + 1 };
    const nextDay = days[days.indexOf(pos.date) + 1];
    return nextDay === undefined ? null : { date: nextDay, page: 0 };
  }

  private toBatch(items: unknown[], pos: Position, next: Position | null, days: (string | null)[]): PaperBatch {
    const where = `${pos.date ? `date=${pos.date} ` : ''}page=${pos.page}`;
    const papers: NormalizedPaper[] = [];
    const rejected: RejectedRecord[] = [];
    items.forEach((item, i) => {
      const result = normalizeHfItem(item, this.name, this.baseUrl);
      if (result.ok) papers.push(result.paper);
      else
        rejected.push({
          reason: result.reason,
          location: `${where} item=${i}`,
          ...(result.recordId ? { recordId: result.recordId } : {}),
        });
    });
    const cursor: SourceCursor | null = next
      ? { source: this.name, date: next.date, page: next.page, lastDate: days.at(-1) ?? null }
      : null;
    return { papers, rejected, cursor, fetched: items.length, location: where };
  }

  private fromCursor(cursor: SourceCursor): { days: (string | null)[]; start: Position } {
    if (cursor.source !== this.name) throw new Error(`cursor belongs to ${String(cursor.source)}, not ${this.name}`);
    const page = requireInt(cursorField(cursor, 'page', 'number'), 'cursor.page', 0, this.maxPages - 1);
    if (cursor.date === null) return { days: [null], start: { date: null, page } };
    const [date, lastDate] = [cursorField(cursor, 'date', 'string'), cursorField(cursor, 'lastDate', 'string')];
    const [from, to] = [new Date(`${date}T00:00:00Z`), new Date(`${lastDate}T00:00:00Z`)];
    if (!DAY.test(date) || !DAY.test(lastDate) || Number.isNaN(from.getTime() + to.getTime()) || from > to) {
      throw new Error(`cursor: invalid day range ${date}..${lastDate}`);
    }
    return { days: utcDays(from, to, this.maxDays), start: { date, page } };
  }
}

/** The body must be a JSON list; anything else (an HTML error page, `{error}`) is invalid. */
function parseItemList(body: string): unknown[] {
  const value: unknown = JSON.parse(body);
  if (!Array.isArray(value))
    throw new Error(`expected a JSON list of papers, got ${value === null ? 'null' : typeof value}`);
  return value;
}
