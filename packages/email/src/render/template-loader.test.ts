import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTemplate } from './template-loader';

describe('loadTemplate', () => {
  let dir: string;
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when templates include partials (MJML and text syntax, nested), then their content is inlined', () => {
    write('partials/footer.mjml', '<mj-text>[[brand]]</mj-text>\n<mj-include path="./line.mjml" />\n');
    write('partials/line.mjml', '<mj-divider />\n');
    write('a.mjml', '<mj-body><mj-include path="./partials/footer.mjml" /></mj-body>');
    write('partials/footer.txt', '-- [[brand]]\n');
    write('a.txt', 'Hi\n[[> partials/footer.txt]]\n');
    expect(loadTemplate(dir, 'a.mjml')).toBe('<mj-body><mj-text>[[brand]]</mj-text>\n<mj-divider /></mj-body>');
    expect(loadTemplate(dir, 'a.txt')).toBe('Hi\n-- [[brand]]\n');
  });

  it('when a partial points outside the templates folder, then loading fails', () => {
    write('a.mjml', '<mj-include path="../../etc/passwd" />');
    expect(() => loadTemplate(dir, 'a.mjml')).toThrow(/outside the templates folder/);
  });

  it('when partials include each other, then loading fails and shows the loop', () => {
    write('a.txt', '[[> b.txt]]');
    write('b.txt', '[[> a.txt]]');
    expect(() => loadTemplate(dir, 'a.txt')).toThrow(/loop: a\.txt → b\.txt → a\.txt/);
  });

  it('when a partial is missing, then the error names it and who included it', () => {
    write('a.txt', '[[> partials/nope.txt]]');
    expect(() => loadTemplate(dir, 'a.txt')).toThrow(
      /cannot read template partials\/nope\.txt \(included from a\.txt\)/,
    );
  });
});
