import { compileFill, FILL_MEMO, reusable } from './template-fill';
import { parseTemplate } from './template-syntax';

const compile = (template: string) => compileFill(parseTemplate(template, 't'), 'html', 't');

describe('loop output reuse', () => {
  it('when the same frozen item comes at different positions, then each position shows its own number', () => {
    const fill = compile('[[#each items]][[@number]]:[[name]] [[/each]]');
    const a = reusable({ name: 'a' });
    const b = reusable({ name: 'b' });
    expect(fill({ items: [a, b] })).toBe('1:a 2:b ');
    expect(fill({ items: [b, a] })).toBe('1:b 2:a ');
    expect(fill({ items: [a, a, a] })).toBe('1:a 2:a 3:a ');
  });

  it('when a reusable item comes again, then its loop body is not filled again', () => {
    let reads = 0;
    const item = Object.freeze(
      Object.defineProperty({ [FILL_MEMO]: [] }, 'name', { enumerable: true, get: () => `read ${++reads}` }),
    );
    const fill = compile('[[#each items]]<[[name]]>[[/each]]');
    expect(fill({ items: [item] })).toBe('<read 1>');
    expect(fill({ items: [item] })).toBe('<read 1>');
    expect(reads).toBe(1);
  });

  it('when an item is frozen but not marked reusable, then it is filled every time', () => {
    let reads = 0;
    const item = Object.freeze(Object.defineProperty({}, 'name', { enumerable: true, get: () => `read ${++reads}` }));
    const fill = compile('[[#each items]]<[[name]]>[[/each]]');
    fill({ items: [item] });
    expect(fill({ items: [item] })).toBe('<read 2>');
  });

  it('when an item is not frozen, then a change to it shows in the next fill', () => {
    const fill = compile('[[#each items]]<[[name]]>[[/each]]');
    const item = { name: 'before' };
    expect(fill({ items: [item] })).toBe('<before>');
    item.name = 'after';
    expect(fill({ items: [item] })).toBe('<after>');
  });

  it('when a loop body reads an outer value, then each fill shows the current outer value', () => {
    const fill = compile('[[#each items]][[name]]@[[email]] [[/each]]');
    const item = reusable({ name: 'card' });
    expect(fill({ email: 'a@x.org', items: [item] })).toBe('card@a@x.org ');
    expect(fill({ email: 'b@x.org', items: [item] })).toBe('card@b@x.org ');
  });

  it('when a condition in the body reads a field the item lacks, then the outer value still counts', () => {
    const fill = compile('[[#each items]][[#if vip]]VIP [[/if]][[name]];[[/each]]');
    const item = reusable({ name: 'x' });
    expect(fill({ vip: true, items: [item] })).toBe('VIP x;');
    expect(fill({ vip: false, items: [item] })).toBe('x;');
  });

  it('when values hold non-ASCII and line breaks, then text, attributes and links come out ASCII with CRLF, and a reused card stays so', () => {
    const fill = compile('[[#each items]]<a href="[[url]]" title="[[name]]">[[name]]</a>[[/each]]');
    const item = reusable({ url: 'https://x.org/é', name: 'Zoë\n😀\rx' });
    const expected = '<a href="https://x.org/%C3%A9" title="Zo&#235;\r\n&#128512;\r\nx">Zo&#235;\r\n&#128512;\r\nx</a>';
    expect(fill({ items: [item] })).toBe(expected);
    expect(fill({ items: [item, item] })).toBe(expected + expected);
  });

  it('when a frozen item holds a bad link, then every fill refuses it', () => {
    const fill = compile('[[#each items]]<a href="[[url]]">x</a>[[/each]]');
    const item = reusable({ url: 'javascript:alert(1)' });
    expect(() => fill({ items: [item] })).toThrow(/must be an http\(s\) or mailto URL/);
    expect(() => fill({ items: [item] })).toThrow(/must be an http\(s\) or mailto URL/);
  });
});
