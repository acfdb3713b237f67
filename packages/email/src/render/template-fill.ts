// Turns a parsed template into a fill function: a tree of small closures that concatenate
// precomputed strings with escaped values. This is the per-email hot path, so all the
// work that does not depend on the data (parsing, MJML, choosing an escaper) happens here,
// once.
import { escapeHtml, escapeText, escapeUrl } from './escape';
import type { TemplateNode } from './template-syntax';

export type OutputMode = 'html' | 'text';
export type FillFn = (view: object) => string;
/** Scopes, innermost last, and the 0-based positions of the enclosing [[#each]] loops. */
interface State {
  scopes: object[];
  positions: number[];
}
type Part = (state: State) => string;

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
      const escape = pickEscaper(node.url, mode, `${source}: [[${node.name}]]`);
      return ({ scopes }) => escape(valueText(lookup(scopes, node.path), node.name, source));
    }
    case 'each':
      return compileEach(node, compileNodes(node.children, mode, source), source);
    case 'if': {
      const then = compileNodes(node.then, mode, source);
      const otherwise = compileNodes(node.else, mode, source);
      return (state) => (truthy(lookup(state.scopes, node.path)) ? then(state) : otherwise(state));
    }
  }
}

/**
 * Marks a loop item whose filled output may be kept: the item must be frozen (so its fields
 * cannot change behind our back) and carry this slot, where each loop keeps its output per
 * position. A slot on the item (rather than a WeakMap) costs the garbage collector nothing.
 */
export const FILL_MEMO: unique symbol = Symbol('paperboy.fillMemo');

/** Returns a frozen copy of `item` whose filled loop output is reused (see FILL_MEMO). */
export function reusable<T extends object>(item: T): Readonly<T> & { readonly [FILL_MEMO]: unknown[] } {
  return Object.freeze({ ...item, [FILL_MEMO]: [] as unknown[] });
}

let nextLoopId = 0;

/**
 * A loop body that reads only its item's own fields (and its position) gives the same
 * output for the same item, so for reusable items the output is kept: a paper card shared
 * by thousands of readers is filled once per position. Bodies that read outer values are
 * filled every time.
 */
function compileEach(node: Extract<TemplateNode, { kind: 'each' }>, body: Part, source: string): Part {
  const names = bodyNames(node.children);
  const usesPosition = JSON.stringify(node.children).includes('"name":"@number"');
  const loopId = nextLoopId++;
  const memoFor = (item: object): (string | undefined)[] | undefined => {
    if (!names || !Object.isFrozen(item)) return undefined;
    const slot = (item as { [FILL_MEMO]?: unknown })[FILL_MEMO];
    if (!Array.isArray(slot) || !names.every((n) => Object.prototype.hasOwnProperty.call(item, n))) return undefined;
    return (slot[loopId] ??= []) as (string | undefined)[];
  };
  return (state) => {
    const items = lookup(state.scopes, node.path);
    if (!Array.isArray(items)) throw new Error(`${source}: [[#each ${node.name}]] needs a list`);
    let out = '';
    state.positions.push(0);
    try {
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as object;
        const memo = memoFor(item);
        const slot = usesPosition ? i : 0;
        const known = memo?.[slot];
        if (known !== undefined) {
          out += known;
          continue;
        }
        state.positions[state.positions.length - 1] = i;
        state.scopes.push(item);
        try {
          const filled = body(state);
          if (memo) memo[slot] = filled;
          out += filled;
        } finally {
          state.scopes.pop();
        }
      }
    } finally {
      state.positions.pop();
    }
    return out;
  };
}

/** The first segments of every name a loop body reads, or undefined if it cannot be memoised. */
function bodyNames(nodes: TemplateNode[]): string[] | undefined {
  const names = new Set<string>();
  const walk = (list: TemplateNode[]): boolean =>
    list.every((node) => {
      if (node.kind === 'text') return true;
      if (node.kind === 'each') return false;
      if (node.name === '@number') return true;
      // Dotted names reach into nested objects, which freezing the item does not protect.
      if (node.path.length > 1) return false;
      names.add(node.path[0] as string);
      return node.kind === 'var' || (walk(node.then) && walk(node.else));
    });
  return walk(nodes) ? [...names] : undefined;
}

function pickEscaper(url: boolean, mode: OutputMode, name: string): (value: string) => string {
  if (mode === 'text') return escapeText;
  return url ? (value) => escapeUrl(value, name) : escapeHtml;
}

/** Finds a dotted name, innermost scope first (so a paper's `title` shadows the view's). */
function lookup(scopes: object[], path: string[]): unknown {
  const [head, ...rest] = path as [string, ...string[]];
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i] as Record<string, unknown>;
    if (scope !== null && typeof scope === 'object' && Object.prototype.hasOwnProperty.call(scope, head)) {
      let value: unknown = scope[head];
      for (const key of rest) value = value == null ? undefined : (value as Record<string, unknown>)[key];
      return value;
    }
  }
  return undefined;
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
    if (node.kind === 'text' && prev?.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: prev.text + node.text };
    else if (node.kind !== 'text' || node.text !== '') merged.push(node);
  }
  return merged;
}
