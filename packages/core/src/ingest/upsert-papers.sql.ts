// The one statement that stores a batch of papers. Built once from constants (never from
// input: the batch travels as a single JSONB parameter), so it is safe to run "unsafe".
//
// - jsonb_to_recordset turns the batch into rows; one multi-row INSERT … ON CONFLICT per batch.
// - Merging, not overwriting: `sources` is a set union; nullable links keep what an earlier
//   source gave when this one has nothing; publishedAt keeps the earliest date we saw ($4 aside).
// - Signals (upvotes, comments, stars) are refreshed only when the batch carries them ($3):
//   arXiv knows no upvotes, and its zeros must not wipe Hugging Face's counts.
// - The WHERE skips rows whose merged values equal the stored ones: no dead tuple, no
//   updatedAt churn, and `updated` counts real changes.
// - `old` reads the pre-statement values (every CTE shares one snapshot), so a changed
//   signal is detected in the same round trip and appended to PaperSignal.
// - (xmax = 0) is true exactly for rows this statement inserted.

const COLUMNS = [
  ['sourceId', 'text'],
  ['title', 'text'],
  ['abstract', 'text'],
  ['authors', 'text[]'],
  ['keywords', 'text[]'],
  ['publishedAt', 'timestamp(3)'],
  ['upvotes', 'int'],
  ['numComments', 'int'],
  ['githubRepo', 'text'],
  ['githubStars', 'int'],
  ['projectPage', 'text'],
  ['thumbnail', 'text'],
  ['arxivUrl', 'text'],
  ['pdfUrl', 'text'],
  ['hfUrl', 'text'],
  ['organization', 'text'],
  ['sources', 'text[]'],
  ['withdrawnAt', 'timestamp(3)'],
] as const;

export type PaperColumn = (typeof COLUMNS)[number][0];

const q = (name: string) => `"${name}"`;
const keepOld = (c: string) => `COALESCE(EXCLUDED.${q(c)}, p.${q(c)})`;
const nonEmpty = (c: string) => `CASE WHEN cardinality(EXCLUDED.${q(c)}) > 0 THEN EXCLUDED.${q(c)} ELSE p.${q(c)} END`;
const signal = (expr: string, c: string) => `CASE WHEN $3::boolean THEN ${expr} ELSE p.${q(c)} END`;

/** What an existing row becomes: column → expression over p (stored) and EXCLUDED (incoming). */
const MERGED: Record<Exclude<PaperColumn, 'sourceId'>, string> = {
  title: 'EXCLUDED."title"',
  abstract: 'EXCLUDED."abstract"',
  authors: nonEmpty('authors'),
  keywords: nonEmpty('keywords'),
  // The demo feed's dates are re-dated by its loader ($4); no other import may age them.
  publishedAt: `CASE WHEN $4::boolean THEN EXCLUDED."publishedAt" WHEN 'demo' = ANY(p."sources") THEN p."publishedAt" ELSE LEAST(p."publishedAt", EXCLUDED."publishedAt") END`,
  upvotes: signal('EXCLUDED."upvotes"', 'upvotes'),
  numComments: signal('EXCLUDED."numComments"', 'numComments'),
  githubStars: signal(keepOld('githubStars'), 'githubStars'),
  githubRepo: keepOld('githubRepo'),
  projectPage: keepOld('projectPage'),
  thumbnail: keepOld('thumbnail'),
  arxivUrl: keepOld('arxivUrl'),
  pdfUrl: keepOld('pdfUrl'),
  hfUrl: keepOld('hfUrl'),
  organization: keepOld('organization'),
  sources: 'ARRAY(SELECT DISTINCT s FROM unnest(p."sources" || EXCLUDED."sources") AS s ORDER BY s)',
  withdrawnAt: keepOld('withdrawnAt'),
};

const merged = Object.entries(MERGED);
const columnList = COLUMNS.map(([c]) => q(c)).join(', ');
const recordType = COLUMNS.map(([c, t]) => `${q(c)} ${t}`).join(', ');
const SIGNALS = '"upvotes", "numComments", "githubStars"';

/**
 * $1: JSON array of rows (keys = column names, dates as ISO text, unique sourceIds, sorted so
 * concurrent batches lock rows in the same order); $2: the clock as 'YYYY-MM-DD HH:MM:SS.mmm' (UTC);
 * $3: whether the batch carries signals; $4: take the batch's publishedAt as is (the demo feed,
 * re-dated on each load) instead of keeping the earliest. Returns one row per inserted or changed paper.
 */
export const UPSERT_PAPERS_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${recordType})
), old AS (
  SELECT p.id, ${SIGNALS.split(', ')
    .map((c) => `p.${c}`)
    .join(', ')}
  FROM "Paper" p JOIN input i ON i."sourceId" = p."sourceId"
), upserted AS (
  INSERT INTO "Paper" AS p (${columnList}, "createdAt", "updatedAt")
  SELECT ${columnList}, $2::timestamp(3), $2::timestamp(3) FROM input ORDER BY "sourceId"
  ON CONFLICT ("sourceId") DO UPDATE SET
    ${merged.map(([c, e]) => `${q(c)} = ${e}`).join(',\n    ')},
    "updatedAt" = $2::timestamp(3)
  WHERE (${merged.map(([c]) => `p.${q(c)}`).join(', ')}) IS DISTINCT FROM (${merged.map(([, e]) => e).join(', ')})
  RETURNING p.id, p."sourceId", (p.xmax = 0) AS inserted, ${SIGNALS.split(', ')
    .map((c) => `p.${c}`)
    .join(', ')}
), signals AS (
  INSERT INTO "PaperSignal" ("paperId", ${SIGNALS}, "observedAt")
  SELECT u.id, ${SIGNALS.split(', ')
    .map((c) => `u.${c}`)
    .join(', ')}, $2::timestamp(3)
  FROM upserted u LEFT JOIN old o ON o.id = u.id
  WHERE $3::boolean AND (u.inserted OR (o."upvotes", o."numComments", o."githubStars") IS DISTINCT FROM (u."upvotes", u."numComments", u."githubStars"))
  RETURNING "paperId"
)
SELECT u.id, u."sourceId", u.inserted, EXISTS (SELECT 1 FROM signals s WHERE s."paperId" = u.id) AS "signalAdded"
FROM upserted u ORDER BY u.id`;

export const PAPER_COLUMNS: readonly PaperColumn[] = COLUMNS.map(([c]) => c);
