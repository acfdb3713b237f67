// The one gate every record passes, whatever its source: it either becomes a
// NormalizedPaper or is refused with every problem named, so a batch can go on without it.
import type { NormalizeResult, NormalizedPaper } from '../paper.types';
import { arxivAbsUrl, arxivPdfUrl, parseArxivId } from './arxiv-id';
import {
  isMissing,
  isRecord,
  MAX_NAME_LENGTH,
  preview,
  readAuthors,
  readCount,
  readDate,
  readOptionalDate,
  readStringList,
  readText,
  readUrl,
  typeOf,
  unstorable,
  type Read,
} from './field-readers';

/**
 * A loosely typed paper as files, the admin API and adapters hand it over. Aliases are
 * accepted so HF's own `paper` objects (`id`, `summary`, `ai_keywords`) fit too, and so do
 * arXiv listing records (`id`, `listedOn`).
 */
export type PaperInput = Record<string, unknown>;

const SOURCE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const FOREIGN_ID = /^[\w.\-/:]{1,200}$/;

/** Validates and cleans one record. Never throws for bad data; only for a bad `source`. */
export function normalizePaper(input: unknown, source: string): NormalizeResult {
  if (!SOURCE_NAME.test(source)) throw new Error(`normalizePaper: invalid source name ${JSON.stringify(source)}`);
  if (!isRecord(input)) return { ok: false, reason: `record: expected an object, got ${typeOf(input)}` };
  const problems: string[] = [];
  const warnings: string[] = [];
  const take = <T>(read: Read<T>, fallback: T): T => {
    if ('problem' in read) problems.push(read.problem);
    return 'value' in read ? read.value : fallback;
  };

  const id = resolveId(input, source);
  if ('problem' in id) problems.push(id.problem);
  const sourceId = 'value' in id ? id.value : undefined;
  const arxivId = sourceId && !sourceId.includes(':') ? sourceId : null;

  const paper: NormalizedPaper = {
    sourceId: sourceId ?? '',
    title: take(readText(input.title, 'title', 1000), ''),
    abstract: take(readText(input.abstract ?? input.summary, 'abstract', 20000), ''),
    authors: take(readAuthors(input.authors, warnings), []),
    // arXiv listings carry the day they were listed (`listedOn`), not a timestamp.
    publishedAt: take(readDate(input.publishedAt ?? input.published ?? input.listedOn, 'publishedAt'), new Date(0)),
    upvotes: take(readCount(input.upvotes, 'upvotes', 0), 0),
    numComments: take(readCount(input.numComments, 'numComments', 0), 0),
    githubRepo: readUrl(input.githubRepo, 'githubRepo', warnings),
    githubStars: take(readCount(input.githubStars, 'githubStars', null), null),
    projectPage: readUrl(input.projectPage, 'projectPage', warnings),
    thumbnail: readUrl(input.thumbnail, 'thumbnail', warnings),
    arxivUrl: readUrl(input.arxivUrl, 'arxivUrl', warnings) ?? (arxivId ? arxivAbsUrl(arxivId) : null),
    pdfUrl: readUrl(input.pdfUrl, 'pdfUrl', warnings) ?? (arxivId ? arxivPdfUrl(arxivId) : null),
    hfUrl: readUrl(input.hfUrl, 'hfUrl', warnings),
    keywords: take(readStringList(input.keywords ?? input.ai_keywords, 'keywords', 50), []),
    organization: take(readOrganization(input.organization), null),
    source,
    withdrawnAt: take(readOptionalDate(input.withdrawnAt, 'withdrawnAt'), null),
  };
  if (problems.length) return { ok: false, reason: problems.join('; '), ...(sourceId ? { recordId: sourceId } : {}) };
  return { ok: true, paper, warnings };
}

/**
 * The stable id: an arXiv id (version stripped) from the id fields or the arXiv link;
 * otherwise the record's own id namespaced by source (`file:abc`), or as given when it
 * already carries a namespace (`openreview:abc`).
 */
function resolveId(input: PaperInput, source: string): Read<string> {
  const given = [input.sourceId, input.arxivId, input.id, input.paperId].find((v) => !isMissing(v));
  if (given !== undefined && typeof given !== 'string' && typeof given !== 'number') {
    return { problem: `id: expected text, got ${typeOf(given)}` };
  }
  const text = given === undefined ? undefined : String(given).trim();
  const arxiv =
    (text && parseArxivId(text)) ?? (typeof input.arxivUrl === 'string' ? parseArxivId(input.arxivUrl) : null);
  if (arxiv) return { value: arxiv };
  if (!text) return { problem: 'id: missing (no arXiv id and no record id)' };
  if (!FOREIGN_ID.test(text)) return { problem: `id: unusable characters in ${preview(text)}` };
  return { value: text.includes(':') ? text : `${source}:${text}` };
}

/** HF sends `{ name, fullname }`; files may send a plain string. */
function readOrganization(value: unknown): Read<string | null> {
  if (isMissing(value)) return { value: null };
  const name =
    typeof value === 'string'
      ? value
      : isRecord(value)
        ? [value.fullname, value.name].find((v) => typeof v === 'string' && v.trim() !== '')
        : value;
  if (name === undefined) return { value: null };
  if (typeof name !== 'string')
    return { problem: `organization: expected text or { name, fullname }, got ${typeOf(value)}` };
  const text = name.trim();
  if (text.length > MAX_NAME_LENGTH) return { problem: `organization: longer than ${MAX_NAME_LENGTH} characters` };
  return unstorable(text, 'organization') ?? { value: text };
}
