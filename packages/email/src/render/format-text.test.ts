import {
  authorsLine,
  commentsLabel,
  cutLine,
  dateLabel,
  listPhrase,
  reasonParts,
  reasonText,
  shortDate,
  shortSummary,
  signalsLabel,
  upvotesLabel,
  weekLabel,
  wrapText,
} from './format-text';

describe('wording helpers', () => {
  it('when listing, then items join with commas and a final "and"', () => {
    expect([listPhrase([]), listPhrase(['a']), listPhrase(['a', 'b']), listPhrase(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a and b',
      'a, b and c',
    ]);
  });

  it('when a paper has many authors, then three are named and the rest counted', () => {
    expect(authorsLine(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C et al.');
    expect(authorsLine(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
    expect(authorsLine(['A', 'B', 'C'])).toBe('A, B and C');
    expect(authorsLine([' A\n', ''])).toBe('A');
  });

  it('when a summary is long, then it is cut at a word boundary with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const short = shortSummary(long, 50);
    expect(short.length).toBeLessThanOrEqual(51);
    expect(short).toMatch(/word…$/);
    expect(shortSummary('Short one.', 50)).toBe('Short one.');
  });

  it('when a match is related rather than direct, then the reason says "Related to" and still splits', () => {
    const reason = {
      topic: 'AI for healthcare',
      matched: ['clinical notes', 'ECG'],
      field: 'abstract' as const,
      kind: 'related' as const,
    };
    expect(reasonText(reason)).toBe('Related to AI for healthcare: “clinical notes” and “ECG” in the abstract');
    expect(reasonParts(reason)).toEqual({
      reasonLead: 'Related to',
      reasonTopic: 'AI for healthcare',
      reasonDetail: ': “clinical notes” and “ECG” in the abstract',
    });
  });

  it('when a reason is structured, then it reads as a sentence and splits into topic and detail', () => {
    const reason = { topic: 'reward models', matched: ['process reward models', 'PRM'], field: 'abstract' as const };
    expect(reasonText(reason)).toBe(
      'Because you follow reward models: “process reward models” and “PRM” in the abstract',
    );
    expect(reasonParts(reason)).toEqual({
      reasonLead: 'Because you follow',
      reasonTopic: 'reward models',
      reasonDetail: ': “process reward models” and “PRM” in the abstract',
    });
    expect(reasonText({ topic: 'agents' })).toBe('Because you follow agents');
    expect(reasonText({ topic: 'RLHF', matched: ['RLHF'], field: 'both' })).toBe(
      'Because you follow RLHF: “RLHF” in the title and abstract',
    );
    expect(reasonText('  Trending in\nagents ')).toBe('Trending in agents');
  });

  it('when text is wrapped, then lines stay within the width, carry the indent, and long words stay whole', () => {
    const wrapped = wrapText(
      'alpha beta gamma delta epsilon https://example.org/a/very/long/link/that/cannot/break zeta',
      20,
      '   ',
      '1. ',
    );
    expect(wrapped.split('\n')).toEqual([
      '1. alpha beta gamma',
      '   delta epsilon',
      '   https://example.org/a/very/long/link/that/cannot/break',
      '   zeta',
    ]);
    expect(wrapText('short', 20, '  ')).toBe('  short');
  });

  it('when counting upvotes, then one is singular and thousands are grouped', () => {
    expect([upvotesLabel(1), upvotesLabel(0), upvotesLabel(1234)]).toEqual(['1 upvote', '0 upvotes', '1,234 upvotes']);
  });

  it('when a date is shown, then it is the day in the reader’s time zone', () => {
    const lateUtc = new Date(Date.UTC(2026, 10, 27, 23, 30));
    expect(dateLabel(lateUtc, 'UTC')).toBe('Friday, 27 November 2026');
    expect(dateLabel(lateUtc, 'Asia/Tokyo')).toBe('Saturday, 28 November 2026');
  });

  it('when a half-hour-offset zone crosses midnight, then the label changes exactly at local midnight', () => {
    // Asia/Kolkata is UTC+5:30: local midnight is 18:30 UTC.
    expect(dateLabel(new Date(Date.UTC(2026, 10, 27, 18, 29, 59)), 'Asia/Kolkata')).toBe('Friday, 27 November 2026');
    expect(dateLabel(new Date(Date.UTC(2026, 10, 27, 18, 30, 0)), 'Asia/Kolkata')).toBe('Saturday, 28 November 2026');
  });
});

describe('card and date wording', () => {
  it('when upvotes or their growth are zero, then they are left out (never "▲ 0")', () => {
    expect([signalsLabel(102, 12), signalsLabel(102, 0), signalsLabel(0, 0), signalsLabel(1234, 3)]).toEqual([
      '▲ 102 · +12 today',
      '▲ 102',
      '',
      '▲ 1,234 · +3 today',
    ]);
    expect([commentsLabel(0), commentsLabel(1), commentsLabel(12)]).toEqual(['', '1 comment', '12 comments']);
  });

  it('when a weekly digest is dated, then the seven days ending on its day are named, across months and years', () => {
    expect(weekLabel(new Date('2026-12-07T08:00:00Z'))).toBe('Week of 1–7 Dec 2026');
    expect(weekLabel(new Date('2026-12-03T08:00:00Z'))).toBe('Week of 27 Nov – 3 Dec 2026');
    expect(weekLabel(new Date('2027-01-02T08:00:00Z'))).toBe('Week of 27 Dec 2026 – 2 Jan 2027');
    expect(shortDate(new Date('2026-09-05T23:30:00Z'), 'Europe/Paris')).toBe('6 Sep 2026');
  });

  it('when a line is too long, then it is cut at a word with an ellipsis', () => {
    expect(cutLine('Robust RLHF via Reward Model Ensembles and Uncertainty', 24)).toBe('Robust RLHF via Reward …');
    expect(cutLine('Short title', 24)).toBe('Short title');
  });
});
