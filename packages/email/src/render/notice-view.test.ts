// The "never silent" notice: what the reader follows with counts, broader topics, the link.
import { linkTargets, visibleText } from './html-visible-text';
import { createRenderer, type Renderer } from './renderer';
import type { NoticeEmailData } from './email-data.types';

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer();
});

const notice = (): NoticeEmailData => ({
  reader: { email: 'quiet@example.org' },
  frequency: 'weekly',
  emptyPeriods: 3,
  followed: [{ topic: 'legal NLP', count: 0 }],
  suggestions: [
    { topic: 'LLMs', count: 42 },
    { topic: 'NLP <b>', count: 1 },
  ],
  links: {
    manageUrl: 'https://paperboy.example.com/manage/t1',
    unsubscribeUrl: 'https://paperboy.example.com/unsubscribe/t1',
  },
});

describe('renderNotice', () => {
  it('when a reader had several empty weeks, then the notice names their topic and its count, broader topics with theirs, and links to preferences', () => {
    const email = renderer.renderNotice(notice());
    expect(email.subject).toBe('All quiet on legal NLP for 3 weeks');
    const text = visibleText(email.html);
    expect(text).toContain('Nothing new on legal NLP in the last 3 weeks');
    expect(text).toContain('legal NLP: no papers');
    expect(text).toContain('LLMs: 42 papers');
    expect(text).toContain('NLP <b>: 1 paper');
    expect(email.html).not.toContain('NLP <b>');
    expect(linkTargets(email.html)).toContain('https://paperboy.example.com/manage/t1');
    expect(email.text).toContain('  - LLMs: 42 papers');
    expect(email.text).toContain('https://paperboy.example.com/manage/t1');
  });

  it('when there is nothing to suggest, then that part is left out', () => {
    const email = renderer.renderNotice({ ...notice(), suggestions: [] });
    expect(visibleText(email.html)).not.toContain('Broader or related topics');
    expect(email.text).not.toContain('Broader or related topics');
  });

  it('when the data is malformed, then rendering refuses it naming the field', () => {
    expect(() => renderer.renderNotice({ ...notice(), followed: [] })).toThrow(
      'notice email: followed must not be empty',
    );
    expect(() => renderer.renderNotice({ ...notice(), suggestions: [{ topic: 'x', count: -1 }] })).toThrow(
      'notice email: suggestions[0].count',
    );
  });
});
