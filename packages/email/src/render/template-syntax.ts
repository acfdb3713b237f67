// The tiny template language shared by the MJML sources, the compiled HTML and the
// plain-text templates:
//   [[name]] / [[paper.title]]   a value, always escaped for where it lands
//   [[#each papers]]…[[/each]]   repeat for every item (item fields shadow outer ones)
//   [[#if name]]…[[else]]…[[/if]]  truthy test (non-empty string/list, true, non-zero)
//   [[@number]]                  inside [[#each]]: the item's position, from 1
// `[[` and `]]` pass through MJML untouched, so the same parser reads a template before
// MJML (to render it the slow way) and after (to build the fast fill).

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string; path: string[]; url: boolean }
  | { kind: 'each'; name: string; path: string[]; children: TemplateNode[] }
  | { kind: 'if'; name: string; path: string[]; whenTrue: TemplateNode[]; whenFalse: TemplateNode[] };

const TAG = /\[\[\s*([^\]]*?)\s*\]\]/g;
const NAME = /^(?:@number|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;
// A value placed right after `href="` is a link target: it gets URL checks, not just escaping.
const URL_CONTEXT = /\bhref\s*=\s*["']?$/i;
// A block tag alone on its line takes the whole line with it (as in Mustache), so text
// templates can put [[#each]] on its own line without leaving blank lines behind.
const STANDALONE_BLOCK = /^[ \t]*(\[\[\s*(?:[#/](?:each|if)|else)\b[^\]]*\]\])[ \t]*\r?\n/gm;

interface OpenBlock {
  node: Extract<TemplateNode, { kind: 'each' | 'if' }>;
  target: TemplateNode[];
  line: number;
}

/** Parses a template into a tree; `source` names the template in error messages. */
export function parseTemplate(input: string, source: string): TemplateNode[] {
  const template = input.replace(STANDALONE_BLOCK, '$1');
  const root: TemplateNode[] = [];
  const stack: OpenBlock[] = [];
  let target = root;
  let last = 0;
  const fail = (index: number, message: string): never => {
    const line = template.slice(0, index).split('\n').length;
    throw new Error(`${source}:${line}: ${message}`);
  };
  for (const match of template.matchAll(TAG)) {
    const index = match.index;
    if (index > last) target.push({ kind: 'text', text: template.slice(last, index) });
    last = index + match[0].length;
    const tag = match[1] ?? '';
    const [keyword, arg = ''] = tag.split(/\s+/, 2);
    const name = (value: string): string =>
      NAME.test(value) ? value : fail(index, `bad name "${value}" in [[${tag}]]`);
    if (keyword === '#each' || keyword === '#if') {
      const path = name(arg).split('.');
      const node: OpenBlock['node'] =
        keyword === '#each'
          ? { kind: 'each', name: arg, path, children: [] }
          : { kind: 'if', name: arg, path, whenTrue: [], whenFalse: [] };
      target.push(node);
      stack.push({ node, target, line: index });
      target = node.kind === 'each' ? node.children : node.whenTrue;
    } else if (keyword === 'else') {
      const open = stack[stack.length - 1];
      if (open?.node.kind !== 'if' || target !== open.node.whenTrue) fail(index, '[[else]] outside [[#if]]');
      target = (open as OpenBlock & { node: { kind: 'if' } }).node.whenFalse;
    } else if (keyword === '/each' || keyword === '/if') {
      const open = stack.pop();
      if (!open || `/${open.node.kind}` !== keyword) fail(index, `[[${keyword}]] does not close an open block`);
      target = (open as OpenBlock).target;
    } else if (keyword?.startsWith('>')) {
      fail(index, `partial [[${tag}]] was not resolved (load templates through loadTemplate)`);
    } else {
      const before = target[target.length - 1];
      const url = before?.kind === 'text' && URL_CONTEXT.test(before.text);
      target.push({ kind: 'var', name: name(tag), path: tag.split('.'), url });
    }
  }
  if (last < template.length) target.push({ kind: 'text', text: template.slice(last) });
  const open = stack.pop();
  if (open) fail(open.line, `[[#${open.node.kind} ${open.node.name}]] is never closed`);
  return root;
}
