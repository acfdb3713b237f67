import { normalizePaper, parseArxivId, type NormalizeResult } from '../src';

const valid = {
  id: '2611.01234',
  title: 'A  Title',
  abstract: 'An abstract.',
  authors: ['Ada Lovelace'],
  publishedAt: '2026-11-20T10:00:00Z',
};

function ok(result: NormalizeResult) {
  if (!result.ok) throw new Error(`expected a paper, got: ${result.reason}`);
  return result;
}

function reason(result: NormalizeResult): string {
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
}

describe('parseArxivId', () => {
  it.each([
    ['2611.01234v3', '2611.01234'],
    ['2611.0123', '2611.0123'],
    ['arXiv:2401.12345v1', '2401.12345'],
    ['http://arxiv.org/abs/2401.12345v2', '2401.12345'],
    ['https://arxiv.org/pdf/2401.12345v2.pdf', '2401.12345'],
    ['https://huggingface.co/papers/2401.12345', '2401.12345'],
    ['hep-th/9901001v1', 'hep-th/9901001'],
    ['math.GT/0309136', 'math.GT/0309136'],
  ])('when given %s, then the version-less id is %s', (input, expected) => {
    expect(parseArxivId(input)).toBe(expected);
  });

  it.each(['openreview-xyz', '2611.123', '12345.67890', 'https://example.org/abs/2401.12345'])(
    'when given %s, then it is not an arXiv id',
    (input) => expect(parseArxivId(input)).toBeNull(),
  );
});

describe('normalizePaper', () => {
  it('when the id carries a version, then sourceId drops it and the links point at the paper', () => {
    const { paper } = ok(normalizePaper({ ...valid, id: '2611.01234v4' }, 'file'));
    expect(paper.sourceId).toBe('2611.01234');
    expect(paper.arxivUrl).toBe('https://arxiv.org/abs/2611.01234');
    expect(paper.pdfUrl).toBe('https://arxiv.org/pdf/2611.01234');
  });

  it('when the id is not an arXiv id but the arXiv link is, then the link gives the id', () => {
    const { paper } = ok(
      normalizePaper({ ...valid, id: 'abc', arxivUrl: 'https://arxiv.org/abs/2401.00001v2' }, 'file'),
    );
    expect(paper.sourceId).toBe('2401.00001');
  });

  it('when there is no arXiv id, then the id is namespaced by source unless it has a namespace', () => {
    expect(ok(normalizePaper({ ...valid, id: 'paper-17' }, 'file')).paper.sourceId).toBe('file:paper-17');
    expect(ok(normalizePaper({ ...valid, id: 'openreview:Xy12' }, 'file')).paper.sourceId).toBe('openreview:Xy12');
    expect(ok(normalizePaper({ ...valid, id: 42 }, 'admin')).paper.sourceId).toBe('admin:42');
  });

  it('when title and abstract carry LaTeX and line breaks, then they are cleaned for display', () => {
    const { paper } = ok(
      normalizePaper(
        {
          ...valid,
          title: 'Fast \\emph{Sparse}\n   Attention in $\\mathcal{O}(n \\log n)$',
          abstract: 'We gain 12\\%~over {\\em strong} baselines \\cite{x} with $\\alpha=0.5$.',
        },
        'file',
      ),
    );
    expect(paper.title).toBe('Fast Sparse Attention in O(n log n)');
    expect(paper.abstract).toBe('We gain 12% over strong baselines with α=0.5.');
  });

  it('when required fields are missing or malformed, then every problem is named in the reason', () => {
    const text = reason(
      normalizePaper({ id: '2611.00001v1', title: '  ', publishedAt: 'yesterday', upvotes: -3 }, 'file'),
    );
    expect(text).toContain('title: missing');
    expect(text).toContain('abstract: missing');
    expect(text).toContain('publishedAt: not a date');
    expect(text).toContain('upvotes: expected a non-negative integer');
  });

  it('when a record is rejected, then its id is still reported to help find it', () => {
    expect(normalizePaper({ id: '2611.00001v1' }, 'file')).toMatchObject({ ok: false, recordId: '2611.00001' });
  });

  it('when there is no id at all, then the record is rejected for it', () => {
    const { id: _id, ...noId } = valid;
    expect(reason(normalizePaper(noId, 'file'))).toMatch(/^id: missing/);
  });

  it('when the record is not an object, then it is rejected, not thrown', () => {
    expect(reason(normalizePaper(['a list'], 'file'))).toBe('record: expected an object, got a list');
    expect(reason(normalizePaper(null, 'file'))).toBe('record: expected an object, got null');
  });

  it('when a link is not http(s), then it is dropped with a warning and the paper kept', () => {
    const result = ok(
      normalizePaper({ ...valid, projectPage: 'javascript:alert(1)', githubRepo: 'https://github.com/a/b' }, 'file'),
    );
    expect(result.paper.projectPage).toBeNull();
    expect(result.paper.githubRepo).toBe('https://github.com/a/b');
    expect(result.warnings).toEqual([expect.stringContaining('projectPage: not an http(s) URL')]);
  });

  it('when HF aliases and loose types arrive, then they map onto the paper fields', () => {
    const { paper } = ok(
      normalizePaper(
        {
          id: '2611.00002',
          title: 'T',
          summary: 'S',
          publishedAt: '2026-11-20',
          authors: [{ name: "Ren\\'e Dubois", hidden: false }, 'Kim Lee'],
          upvotes: '7',
          githubStars: 12,
          ai_keywords: ['RLHF', 'rlhf', ' reward  models '],
          organization: { name: 'lab', fullname: 'The Lab' },
          withdrawnAt: '2026-11-21T00:00:00Z',
        },
        'huggingface',
      ),
    );
    expect(paper).toMatchObject({
      abstract: 'S',
      authors: ['René Dubois', 'Kim Lee'],
      upvotes: 7,
      githubStars: 12,
      numComments: 0,
      keywords: ['RLHF', 'reward models'],
      organization: 'The Lab',
      source: 'huggingface',
    });
    expect(paper.withdrawnAt?.toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });

  it('when an author entry has no name, then the record is rejected naming the entry', () => {
    expect(reason(normalizePaper({ ...valid, authors: ['A', { user: 'x' }] }, 'file'))).toContain(
      'authors[1]: expected a name',
    );
  });

  it('when the date is implausible, then it is rejected as out of range', () => {
    expect(reason(normalizePaper({ ...valid, publishedAt: '0001-01-01T00:00:00Z' }, 'file'))).toContain(
      'publishedAt: out of range',
    );
  });

  it('when a count does not fit a database integer, then the record is rejected naming the field', () => {
    expect(reason(normalizePaper({ ...valid, upvotes: 2 ** 31 }, 'file'))).toMatch(/upvotes/);
    expect(reason(normalizePaper({ ...valid, numComments: '99999999999' }, 'file'))).toMatch(/numComments/);
    expect(reason(normalizePaper({ ...valid, githubStars: 1e300 }, 'file'))).toMatch(/githubStars/);
    expect(ok(normalizePaper({ ...valid, upvotes: 2 ** 31 - 1 }, 'file')).paper.upvotes).toBe(2 ** 31 - 1);
  });

  it('when any text holds a NUL or a lone surrogate, then the record is rejected naming the field', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ organization: 'Lab\u0000' }, /organization/],
      [{ title: 'A \ud800 title' }, /title/],
      [{ abstract: 'An \udfff abstract' }, /abstract/],
      [{ authors: ['Ada', { name: 'B\u0000b' }] }, /authors/],
      [{ keywords: ['ok', 'bad\ud83d'] }, /keywords/],
      [{ organization: { name: 'x\udc00' } }, /organization/],
    ];
    for (const [fields, field] of cases) expect(reason(normalizePaper({ ...valid, ...fields }, 'file'))).toMatch(field);
    expect(ok(normalizePaper({ ...valid, title: 'Emoji \ud83d\ude00 fine' }, 'file')).paper.title).toContain(
      '\ud83d\ude00',
    );
  });

  it('when organization or an author name is too long, or there are too many authors, then limits apply', () => {
    expect(reason(normalizePaper({ ...valid, organization: 'x'.repeat(200_000) }, 'file'))).toMatch(
      /organization: longer than/,
    );
    expect(reason(normalizePaper({ ...valid, authors: ['y'.repeat(1000)] }, 'file'))).toMatch(
      /authors\[0\]: longer than/,
    );
    const many = ok(
      normalizePaper({ ...valid, authors: Array.from({ length: 5000 }, (_, i) => `Author ${i}`) }, 'file'),
    );
    expect(many.paper.authors).toHaveLength(100);
    expect(many.paper.authors[99]).toBe('Author 99');
    expect(many.warnings).toEqual([expect.stringMatching(/authors: 5000 given, the first 100 kept/)]);
  });

  it('when the source name is invalid, then it throws: that is a programming error', () => {
    expect(() => normalizePaper(valid, 'Bad Source')).toThrow(/invalid source name/);
  });
});

describe('normalizePaper: arXiv listing records', () => {
  it('when a record is an arXiv listing (listedOn, no publishedAt), then it is accepted with that day', () => {
    const listing = {
      id: '2506.04515',
      title: 'T',
      abstract: 'A.',
      authors: ['X'],
      categories: ['q-bio.QM', 'cs.AI'],
      listedOn: '2025-06-07',
    };
    const { paper } = ok(normalizePaper(listing, 'file'));
    expect(paper.publishedAt.toISOString()).toBe('2025-06-07T00:00:00.000Z');
    expect(paper.arxivUrl).toBe('https://arxiv.org/abs/2506.04515');
  });
});
