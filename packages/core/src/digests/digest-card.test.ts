// A stored delivery's paper becomes the email's card: links derived from the arXiv id when the
// paper has none stored, counts hidden at zero, the section and "also" topics from the reason.
import { createRenderer, sampleDigestData } from '@paperboy/email';
import { encodeReason } from './store';
import { decodeStoredReason, quietTopics, toDigestPaper } from './digest-card';
import type { PaperRow } from './paper-cache';
import { paperRow } from '../../test/paper-row.factory';

const row = (fields: Partial<PaperRow> = {}): PaperRow =>
  paperRow('Robust RLHF via reward model ensembles', {
    abstract: 'About reward models.',
    reason: encodeReason(
      { topic: 'reward models', matched: ['reward model'], field: 'title', text: 'x' },
      { also: ['RLHF'], growth: 7 },
    ),
    ...fields,
  });

describe('toDigestPaper', () => {
  it('when only the arXiv id is stored, then the card links the Hugging Face page, the arXiv abstract and the PDF', () => {
    const card = toDigestPaper(row());
    expect(card).toMatchObject({
      url: 'https://huggingface.co/papers/2612.01234',
      hfUrl: 'https://huggingface.co/papers/2612.01234',
      arxivUrl: 'https://arxiv.org/abs/2612.01234',
      pdfUrl: 'https://arxiv.org/pdf/2612.01234',
      reason: { topic: 'reward models', matched: ['reward model'], field: 'title' },
      also: ['RLHF'],
      growth: 7,
    });
    expect(card.numComments).toBeUndefined();
    expect(card.projectUrl).toBeUndefined();
  });

  it('when the source is not arXiv, then no arXiv or Hugging Face link is invented', () => {
    const card = toDigestPaper(row({ sourceId: 'openreview-abc', hfUrl: null, arxivUrl: null }));
    expect(card.hfUrl).toBeUndefined();
    expect(card.pdfUrl).toBeUndefined();
  });

  it('when the paper has an organisation, comments and a project page, then they are on the card; a non-http project page is not', () => {
    expect(
      toDigestPaper(row({ organization: '  Example Lab ', numComments: 4, projectPage: 'https://example.org/p' })),
    ).toMatchObject({ organization: 'Example Lab', numComments: 4, projectUrl: 'https://example.org/p' });
    expect(toDigestPaper(row({ projectPage: 'javascript:alert(1)' })).projectUrl).toBeUndefined();
  });

  it('when the same cached row comes again, then the same frozen card is returned', () => {
    const cached = Object.freeze(row());
    expect(toDigestPaper(cached)).toBe(toDigestPaper(cached));
    expect(Object.isFrozen(toDigestPaper(cached))).toBe(true);
  });
});

describe('stored reasons and quiet topics', () => {
  it('when a trending reason is stored, then it decodes as a trending sentence with its growth', () => {
    const stored = encodeReason('▲ 238 · #1 on Hugging Face today', { trending: true, growth: 40 });
    expect(decodeStoredReason(stored)).toEqual({
      reason: '▲ 238 · #1 on Hugging Face today',
      trending: true,
      growth: 40,
    });
    expect(toDigestPaper(row({ reason: stored })).section).toBe('trending');
  });

  it('when a related match in the title and abstract is stored, then it decodes as related, with both fields, and the email says "Related to"', async () => {
    const stored = encodeReason({
      topic: 'AI for healthcare',
      matched: ['MRI'],
      field: 'both',
      text: "Related to AI for healthcare: 'MRI' in the title and abstract",
      kind: 'related',
    });
    expect(decodeStoredReason(stored)).toEqual({
      reason: { topic: 'AI for healthcare', matched: ['MRI'], field: 'both', kind: 'related' },
    });
    const direct = encodeReason({ topic: 'LLM agents', matched: ['LLM Agents'], field: 'both', text: 'x' });
    const renderer = await createRenderer();
    const sample = sampleDigestData(0, 2);
    const email = renderer.renderDigest({
      ...sample,
      topics: ['AI for healthcare', 'LLM agents'],
      papers: [stored, direct].map((r, i) => ({ ...sample.papers[i]!, reason: decodeStoredReason(r).reason })),
    });
    expect(email.text).toContain('Related to AI for healthcare: “MRI” in the title and abstract');
    expect(email.text).toContain('Because you follow LLM agents: “LLM Agents” in the title and abstract');
  });

  it('when a reason is plain text or broken JSON, then it is shown as text', () => {
    expect(decodeStoredReason('matched agents')).toEqual({ reason: 'matched agents' });
    expect(decodeStoredReason('{not json')).toEqual({ reason: '{not json' });
  });

  it('when a followed topic has no section and is not named as "also", then it is quiet', () => {
    const papers = [toDigestPaper(row())];
    expect(quietTopics(['reward models', 'RLHF', 'legal NLP'], papers)).toEqual(['legal NLP']);
  });
});
