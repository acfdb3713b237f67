// Writes samples/papers.ndjson: the synthetic demo feed a new install can load offline.
// Deterministic (seeded PRNG, fixed end date), so re-running reproduces the committed file;
// a test checks that. Run: npm run make-samples -w @paperboy/papers [-- --end-date 2026-11-27]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded } from '@paperboy/matching/testing';
import { DISTRACTORS, TOPICS, type TopicTemplate } from './sample-topics.data';

export const SAMPLES_PATH = join(__dirname, '..', '..', '..', 'samples', 'papers.ndjson');
export const DEFAULT_END_DATE = '2026-11-27';
const PER_TOPIC = 16;
const PER_DISTRACTOR = 5;

const FIRST = [
  'Ada',
  'Bo',
  'Chen',
  'Dara',
  'Elif',
  'Femi',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Luca',
  'Mina',
  'Nadia',
  'Oren',
  'Pia',
  'Quinn',
  'Rafael',
  'Sana',
  'Tomasz',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoë',
];
const LAST = [
  'Abara',
  'Berg',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Gupta',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kimura',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
  'Sato',
  'Tanaka',
  'Urban',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zhang',
];
const ORGS = [
  'Northbridge AI Lab',
  'Lakeside University',
  'Open Systems Institute',
  'Meridian Research',
  null,
  null,
  null,
];

export interface SampleRecord {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: string;
  upvotes: number;
  numComments: number;
  keywords: string[];
  projectPage?: string;
  organization?: string;
}

/** Builds the sample papers, newest last; ids look like arXiv's but sit in an unused range. */
export function makeSamplePapers(endDate: string = DEFAULT_END_DATE, seed = 20261127): SampleRecord[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const end = Date.parse(`${endDate}T23:59:59Z`);
  if (Number.isNaN(end)) throw new Error(`end date must be YYYY-MM-DD, got ${endDate}`);
  const plan: TopicTemplate[] = [
    ...TOPICS.flatMap((t) => Array<TopicTemplate>(PER_TOPIC).fill(t)),
    ...DISTRACTORS.flatMap((t) => Array<TopicTemplate>(PER_DISTRACTOR).fill(t)),
  ];
  const titles = new Set<string>();
  const records = plan.map((topic) => {
    let title = '';
    for (let tries = 0; tries < 50 && (!title || titles.has(title)); tries++)
      title = pick(topic.titles).replace('{x}', pick(topic.fills));
    titles.add(title);
    const fill = (s: string) =>
      s.replace('{n}', String(2 + Math.floor(random() * 9))).replace('{p}', String(5 + Math.floor(random() * 40)));
    const abstract = [
      pick(topic.problems),
      pick(topic.methods),
      fill(pick(topic.results)),
      'Code and data will be released.',
    ].join(' ');
    const authors = Array.from({ length: 1 + Math.floor(random() * 5) }, () => `${pick(FIRST)} ${pick(LAST)}`);
    // Heavy-tailed upvotes, like the real feed: most papers get a few, some get hundreds.
    const upvotes = Math.floor(Math.exp(random() * 5.5)) - 1;
    const org = pick(ORGS);
    const record: SampleRecord = {
      id: '',
      title,
      abstract,
      authors: [...new Set(authors)],
      publishedAt: new Date(end - Math.floor(random() * 14 * 86_400) * 1000).toISOString(),
      upvotes,
      numComments: Math.floor((upvotes * random()) / 8),
      keywords: [...new Set([pick(topic.keywords), pick(topic.keywords), pick(topic.keywords)])],
      ...(random() < 0.3 ? { projectPage: `https://${slug(title)}.example.org/` } : {}),
      ...(org ? { organization: org } : {}),
    };
    return record;
  });
  records.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  // arXiv numbers each month from 00001 in submission order; 9xxxx is far above any real month.
  return records.map((r, i) => ({ ...r, id: `${monthPrefix(r.publishedAt)}.${90001 + i}` }));
}

export function samplesNdjson(records: SampleRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function monthPrefix(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7);
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
}

if (require.main === module) {
  const flag = process.argv.indexOf('--end-date');
  const endDate = flag >= 0 ? process.argv[flag + 1] : undefined;
  const records = makeSamplePapers(endDate);
  writeFileSync(SAMPLES_PATH, samplesNdjson(records));
  console.log(`wrote ${records.length} papers to ${SAMPLES_PATH}`);
}
