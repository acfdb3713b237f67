// Checks the data for each email before rendering, so a missing link or a hostile URL is a
// clear error naming the field, never a broken or dangerous email.
import { isSafeUrl } from './escape';
import { dateLabel } from './format-text';
import type {
  ConfirmEmailData,
  DigestEmailData,
  DigestPaper,
  GoodbyeEmailData,
  ManageLinkEmailData,
  NoticeEmailData,
} from './email-data.types';

export class EmailDataError extends Error {
  override readonly name = 'EmailDataError';
  constructor(
    readonly template: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${template} email: ${field} ${problem}`);
  }
}

type Obj = Record<string, unknown>;
const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+$/;

class Checker {
  constructor(private readonly template: string) {}

  fail(field: string, problem: string): never {
    throw new EmailDataError(this.template, field, problem);
  }

  object(value: unknown, field: string): Obj {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(field, 'is required (an object)');
    return value as Obj;
  }

  text(value: unknown, field: string): void {
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'is required (non-empty text)');
  }

  url(value: unknown, field: string, optional = false): void {
    if (optional && value === undefined) return;
    if (typeof value !== 'string' || value === '') this.fail(field, 'is required (an https URL)');
    if (!/^https?:\/\//i.test(value) || !isSafeUrl(value))
      this.fail(field, `must be an http(s) URL without spaces or quotes, got ${JSON.stringify(value.slice(0, 80))}`);
  }

  texts(value: unknown, field: string, allowEmpty: boolean): void {
    if (!Array.isArray(value)) this.fail(field, 'must be a list of text');
    if (!allowEmpty && value.length === 0) this.fail(field, 'must not be empty');
    value.forEach((item, i) => {
      this.text(item, `${field}[${i}]`);
    });
  }

  reader(data: Obj): void {
    const reader = this.object(data.reader, 'reader');
    this.text(reader.email, 'reader.email');
    if (!EMAIL.test(reader.email as string)) this.fail('reader.email', 'is not an email address');
  }

  frequency(value: unknown): void {
    if (value !== 'daily' && value !== 'weekly') this.fail('frequency', 'must be "daily" or "weekly"');
  }
}

/** Checks a whole digest, papers included. */
export function validateDigestData(input: unknown): asserts input is DigestEmailData {
  validateDigestFields(input);
  input.papers.forEach((paper, i) => {
    validateDigestPaper(paper, i);
  });
}

/** Checks everything in a digest but the papers' own fields (see validateDigestPaper). */
export function validateDigestFields(input: unknown): asserts input is DigestEmailData {
  const check = new Checker('digest');
  const data = check.object(input, 'data');
  check.reader(data);
  // A reader of top trending only follows no topics.
  check.texts(data.topics, 'topics', true);
  if (data.quietTopics !== undefined) check.texts(data.quietTopics, 'quietTopics', true);
  check.frequency(data.frequency);
  const links = check.object(data.links, 'links');
  check.url(links.manageUrl, 'links.manageUrl');
  check.url(links.unsubscribeUrl, 'links.unsubscribeUrl');
  if (links.suggest !== undefined) {
    const suggest = check.object(links.suggest, 'links.suggest');
    check.text(suggest.topic, 'links.suggest.topic');
    check.url(suggest.url, 'links.suggest.url');
    if (!Number.isInteger(suggest.papers) || (suggest.papers as number) < 1)
      check.fail('links.suggest.papers', 'must be a whole number of papers, 1 or more');
  }
  if (data.date !== undefined && !(data.date instanceof Date && !Number.isNaN(data.date.getTime())))
    check.fail('date', 'must be a valid Date');
  if (data.timeZone !== undefined && !isTimeZone(data.timeZone))
    check.fail('timeZone', 'must be an IANA time zone such as "Europe/Paris"');
  const papers = data.papers;
  if (!Array.isArray(papers)) check.fail('papers', 'must be a list');
}

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    dateLabel(new Date(0), value);
    return true;
  } catch {
    return false;
  }
}

/** Checks one paper of a digest; `index` names it in the error. */
export function validateDigestPaper(input: unknown, index: number): asserts input is DigestPaper {
  const check = new Checker('digest');
  const at = `papers[${index}]`;
  const paper = check.object(input, at);
  check.text(paper.title, `${at}.title`);
  check.url(paper.url, `${at}.url`);
  check.url(paper.pdfUrl, `${at}.pdfUrl`, true);
  check.url(paper.codeUrl, `${at}.codeUrl`, true);
  for (const link of ['arxivUrl', 'hfUrl', 'projectUrl'] as const) check.url(paper[link], `${at}.${link}`, true);
  for (const count of ['growth', 'numComments'] as const) {
    if (paper[count] !== undefined && !(Number.isInteger(paper[count]) && (paper[count] as number) >= 0))
      check.fail(`${at}.${count}`, 'must be a whole number ≥ 0');
  }
  if (
    paper.publishedAt !== undefined &&
    !(paper.publishedAt instanceof Date && !Number.isNaN(paper.publishedAt.getTime()))
  )
    check.fail(`${at}.publishedAt`, 'must be a valid Date');
  if (paper.organization !== undefined && typeof paper.organization !== 'string')
    check.fail(`${at}.organization`, 'must be text');
  if (paper.also !== undefined) check.texts(paper.also, `${at}.also`, true);
  check.texts(paper.authors, `${at}.authors`, true);
  if (typeof paper.summary !== 'string') check.fail(`${at}.summary`, 'must be text');
  if (!Number.isInteger(paper.upvotes) || (paper.upvotes as number) < 0)
    check.fail(`${at}.upvotes`, 'must be a whole number ≥ 0');
  if (typeof paper.reason === 'string') check.text(paper.reason, `${at}.reason`);
  else check.text(check.object(paper.reason, `${at}.reason`).topic, `${at}.reason.topic`);
}

export function validateNoticeData(input: unknown): asserts input is NoticeEmailData {
  const check = new Checker('notice');
  const data = check.object(input, 'data');
  check.reader(data);
  check.frequency(data.frequency);
  if (!Number.isInteger(data.emptyPeriods) || (data.emptyPeriods as number) < 1)
    check.fail('emptyPeriods', 'must be a whole number ≥ 1');
  for (const list of ['followed', 'suggestions'] as const) {
    const items = data[list];
    if (!Array.isArray(items)) check.fail(list, 'must be a list');
    (items as unknown[]).forEach((item, i) => {
      const entry = check.object(item, `${list}[${i}]`);
      check.text(entry.topic, `${list}[${i}].topic`);
      if (!Number.isInteger(entry.count) || (entry.count as number) < 0)
        check.fail(`${list}[${i}].count`, 'must be a whole number ≥ 0');
    });
  }
  if ((data.followed as unknown[]).length === 0) check.fail('followed', 'must not be empty');
  const links = check.object(data.links, 'links');
  check.url(links.manageUrl, 'links.manageUrl');
  check.url(links.unsubscribeUrl, 'links.unsubscribeUrl');
}

export function validateConfirmData(input: unknown): asserts input is ConfirmEmailData {
  const check = new Checker('confirm');
  const data = check.object(input, 'data');
  check.reader(data);
  // No topics: a top trending reader (the email says so).
  check.texts(data.topics, 'topics', true);
  check.frequency(data.frequency);
  check.url(check.object(data.links, 'links').confirmUrl, 'links.confirmUrl');
  const mode = data.digestMode;
  if (mode !== undefined && mode !== 'topics' && mode !== 'trending' && mode !== 'topics_trending')
    check.fail('digestMode', 'must be topics, trending or topics_trending');
  const hours = data.expiresInHours;
  if (hours !== undefined && !(typeof hours === 'number' && hours > 0))
    check.fail('expiresInHours', 'must be a positive number');
}

export function validateManageLinkData(input: unknown): asserts input is ManageLinkEmailData {
  const check = new Checker('manage-link');
  const data = check.object(input, 'data');
  check.reader(data);
  const links = check.object(data.links, 'links');
  check.url(links.manageUrl, 'links.manageUrl');
  check.url(links.unsubscribeUrl, 'links.unsubscribeUrl');
}

export function validateGoodbyeData(input: unknown): asserts input is GoodbyeEmailData {
  const check = new Checker('goodbye');
  const data = check.object(input, 'data');
  check.reader(data);
  check.url(check.object(data.links, 'links').resubscribeUrl, 'links.resubscribeUrl');
}
