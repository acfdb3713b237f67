// Turns a parsed template into a fill function: a tree of small closures that concatenate
// precomputed strings with escaped values. This is the per-email hot path, so all the
// work that does not depend on the data (parsing, MJML, choosing an escaper) happens here,
// once.
import { escapeHtml, escapeText, escapeUrl } from './escape';
import type { TemplateNode } from './template-syntax';
import { compileEach } from './template-loop';
import { lookup, type Part } from './template-scope';

export { FILL_MEMO, reusable } from './template-loop';

export type OutputMode = 'html' | 'text';
export type FillFn = (view: object) => string;

/** Compiles template nodes into a function that fills them from a view object. */
export function compileFill(nodes: TemplateNode[], mode: OutputMode, source: string): FillFn {
  const part = compileNodes(nodes, mode, source);
  return (view) => part({ scopes: [view], positions: [] });
}

function compileNodes(nodes: TemplateNode[], mode: OutputMode, source: string): Part {
  const parts = mergeText(nodes).map((node) => compileNode(node, mode, source));
  if (parts.length === 1) return parts[0] as Part;
  return (state) => {
    let out = '';
    for (const part of parts) out += part(state);
    return out;
  };
}

function compileNode(node: TemplateNode, mode: OutputMode, source: string): Part {
  switch (node.kind) {
    case 'text': {
      const text = node.text;
      return () => text;
    }
    case 'var': {
      if (node.name === '@number') return ({ positions }) => String((positions[positions.length - 1] ?? -1) + 1);
      const escapeValue = pickEscaper(node.url, mode, `${source}: [[${node.name}]]`);
      return ({ scopes }) => escapeValue(valueText(lookup(scopes, node.path), node.name, source));
    }
    case 'each':
      return compileEach(node, compileNodes(node.children, mode, source), source);
    case 'if': {
      const whenTrue = compileNodes(node.whenTrue, mode, source);
      const whenFalse = compileNodes(node.whenFalse, mode, source);
      return (state) => (truthy(lookup(state.scopes, node.path)) ? whenTrue(state) : whenFalse(state));
    }
  }
}

function pickEscaper(url: boolean, mode: OutputMode, name: string): (value: string) => string {
  if (mode === 'text') return escapeText;
  return url ? (value) => escapeUrl(value, name) : escapeHtml;
}

function valueText(value: unknown, name: string, source: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // A missing value is a bug in the view model; an empty gap in an email would hide it.
  throw new Error(`${source}: [[${name}]] has no text value (got ${value === null ? 'null' : typeof value})`);
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function mergeText(nodes: TemplateNode[]): TemplateNode[] {
  const merged: TemplateNode[] = [];
  for (const node of nodes) {
    const prev = merged[merged.length - 1];
    if (node.kind === 'text' && prev?.kind === 'text')
      merged[merged.length - 1] = { kind: 'text', text: prev.text + node.text };
    else if (node.kind !== 'text' || node.text !== '') merged.push(node);
  }
  return merged;
}
