import { AppError } from '../errors';
import { emailProblem, hashEmail, normalizeEmail } from './email-address';
import { canonicalTimeZone, cleanTopics, parseSubscribeInput, splitTopics } from './subscribe-input';

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return (error.details as { fields: Record<string, string> }).fields;
    throw error;
  }
  throw new Error('expected invalid input');
}

describe('email addresses', () => {
  it('when an address differs only in case or spaces, then it normalises and hashes the same', () => {
    expect(normalizeEmail('  Ada@Example.ORG ')).toBe('ada@example.org');
    expect(hashEmail('Ada@Example.org')).toBe(hashEmail('ada@example.org'));
    expect(hashEmail('ada@example.org')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when an address is malformed or too long, then the problem is said plainly', () => {
    for (const bad of [
      'ada',
      'ada@',
      '@example.org',
      'a..b@example.org',
      'ada@localhost',
      'a b@example.org',
      '<x>@example.org',
    ]) {
      expect([bad, emailProblem(normalizeEmail(bad))]).toEqual([
        bad,
        expect.stringMatching(/does not look like an email address/),
      ]);
    }
    expect(emailProblem(`${'a'.repeat(64)}@${'b'.repeat(190)}.org`)).toMatch(/at most 254/);
    expect(emailProblem('')).toMatch(/enter your email/);
    expect(emailProblem("o'brien+papers@example.co.uk")).toBeUndefined();
  });
});

describe('topics', () => {
  it('when topics come as a list, a comma string or lines, then they split the same way', () => {
    expect(splitTopics('a, b\nc')).toEqual(['a', ' b', 'c']);
    expect(splitTopics(['a, b', 'c'])).toEqual(['a', ' b', 'c']);
    expect(splitTopics(undefined)).toEqual([]);
  });

  it('when two spellings mean the same topic, then it is kept once, as first typed', () => {
    const { topics } = cleanTopics(['Reward Models', 'reward model', 'robotics']);
    expect(topics.map((t) => t.raw)).toEqual(['Reward Models', 'robotics']);
  });

  it('when no topic is given, then that is an empty list, not an error (top trending needs none)', () => {
    expect(cleanTopics([])).toEqual({ topics: [] });
    expect(cleanTopics(' , \n')).toEqual({ topics: [] });
  });

  it('when a topic is empty of words or not text, then the error says so', () => {
    expect(cleanTopics([42]).error).toMatch(/must be text/);
    expect(cleanTopics(['the']).error).toMatch(/no words to look for/);
  });
});

describe('parseSubscribeInput', () => {
  it('when everything is fine, then the values come back clean with defaults', () => {
    expect(parseSubscribeInput({ email: ' Ada@Example.org', topics: 'robotics', timezone: 'utc' })).toEqual({
      email: 'ada@example.org',
      topics: [{ raw: 'robotics', key: expect.any(String) }],
      frequency: 'daily',
      timezone: 'UTC',
      digestMode: 'topics_trending',
    });
  });

  it('when only an email is given, then it is a top trending sign-up', () => {
    expect(parseSubscribeInput({ email: 'ada@example.org' })).toMatchObject({ topics: [], digestMode: 'trending' });
    expect(parseSubscribeInput({ email: 'ada@example.org', topics: '', digestMode: 'topics_trending' })).toMatchObject({
      digestMode: 'trending',
    });
  });

  it('when a digest mode is chosen, then it is kept, and "My topics" without a topic is refused on the topics field', () => {
    expect(parseSubscribeInput({ email: 'ada@example.org', topics: 'robotics', digestMode: 'topics' }).digestMode).toBe(
      'topics',
    );
    expect(
      parseSubscribeInput({ email: 'ada@example.org', topics: 'robotics', digestMode: 'trending' }).digestMode,
    ).toBe('trending');
    expect(fieldsOf(() => parseSubscribeInput({ email: 'ada@example.org', digestMode: 'topics' }))).toEqual({
      topics: expect.stringMatching(/at least one topic.*Top trending/),
    });
    expect(
      Object.keys(fieldsOf(() => parseSubscribeInput({ email: 'ada@example.org', digestMode: 'everything' }))),
    ).toEqual(['digestMode']);
  });

  it('when fields are wrong, then each gets its own message', () => {
    expect(
      Object.keys(
        fieldsOf(() => parseSubscribeInput({ email: 5, topics: [42], frequency: 'monthly', timezone: 'Nowhere/City' })),
      ).sort(),
    ).toEqual(['email', 'frequency', 'timezone', 'topics']);
  });

  it('when a time zone is an alias, then its canonical name is stored', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('x'.repeat(100))).toBeUndefined();
  });
});

describe('text that displays as something else', () => {
  it('when a topic holds a direction override, then it is refused with a message; plain right-to-left text is kept', () => {
    const fields = fieldsOf(() =>
      parseSubscribeInput({ email: 'ada@example.org', topics: 'diffusion \u202Eslebom', frequency: 'daily' }),
    );
    expect(fields.topics).toMatch(/reverses the text's direction/);
    expect(cleanTopics(['نماذج الانتشار']).topics?.map((t) => t.raw)).toEqual(['نماذج الانتشار']);
  });
});
