import { parseTemplate } from './template-syntax';
import { compileFill } from './template-fill';

const fill = (template: string, view: object, mode: 'html' | 'text' = 'html') =>
  compileFill(parseTemplate(template, 't'), mode, 't')(view);

describe('template language', () => {
  it('when a template has values, lists and conditions, then the fill follows the data', () => {
    const template =
      'Hi [[name]]![[#each items]] <[[label]]>[[#if extra]]+[[else]]-[[/if]][[/each]] [[#if none]]never[[/if]]';
    expect(
      fill(template, {
        name: 'Ada',
        items: [
          { label: 'a', extra: true },
          { label: 'b', extra: '' },
        ],
        none: [],
      }),
    ).toBe('Hi Ada! <a>+ <b>- ');
  });

  it('when an item lacks a field, then the outer scope provides it, and dotted names reach into objects', () => {
    expect(
      fill('[[#each papers]][[brand]]:[[title]]:[[meta.n]] [[/each]]', {
        brand: 'P',
        papers: [{ title: 'x', meta: { n: 2 } }],
      }),
    ).toBe('P:x:2 ');
  });

  it('when a value lands in HTML, then it is escaped; in text mode, it is not', () => {
    expect(fill('<p>[[v]]</p>', { v: '<b>&' })).toBe('<p>&lt;b&gt;&amp;</p>');
    expect(fill('[[v]]', { v: '<b>&' }, 'text')).toBe('<b>&');
  });

  it('when a value lands in an href, then a javascript: URL is refused', () => {
    expect(() => fill('<a href="[[url]]">x</a>', { url: 'javascript:alert(1)' })).toThrow(
      /\[\[url\]\] must be an http\(s\) or mailto URL/,
    );
    expect(fill('<a href="[[url]]">x</a>', { url: 'https://a.org/?q=1&r=2' })).toBe(
      '<a href="https://a.org/?q=1&amp;r=2">x</a>',
    );
  });

  it('when a value is missing, then filling fails and names it instead of leaving a gap', () => {
    expect(() => fill('Hi [[name]]', {})).toThrow(/\[\[name\]\] has no text value/);
  });

  it('when a block tag stands alone on its line, then the line disappears with it', () => {
    expect(fill('a\n  [[#if x]]\nb\n  [[/if]]\nc\n', { x: true }, 'text')).toBe('a\nb\nc\n');
  });

  it.each([
    ['[[#each a]]x', /\[\[#each a\]\] is never closed/],
    ['[[/if]]', /does not close an open block/],
    ['[[#if a]]x[[/each]]', /does not close an open block/],
    ['[[else]]', /\[\[else\]\] outside/],
    ['[[bad name]]', /bad name/],
    ['[[> partials/x.txt]]', /was not resolved/],
  ])('when the template is %j, then parsing fails with a clear message', (template, message) => {
    expect(() => parseTemplate(template, 'demo.txt')).toThrow(message);
  });

  it('when parsing fails, then the message names the template and the line', () => {
    expect(() => parseTemplate('ok\nok\n[[/if]]', 'demo.txt')).toThrow(/^demo\.txt:3:/);
  });
});
