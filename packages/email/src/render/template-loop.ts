// [[#each]] loops, and the reuse of a loop body's output for items seen before.
import type { TemplateNode } from './template-syntax';
import { lookup, type Part } from './template-scope';

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
export function compileEach(node: Extract<TemplateNode, { kind: 'each' }>, body: Part, source: string): Part {
  const names = bodyNames(node.children);
  const usesPosition = JSON.stringify(node.children).includes('"name":"@number"');
  const loopId = nextLoopId++;
  const memoFor = (item: object): (string | undefined)[] | undefined => {
    if (!names || !Object.isFrozen(item)) return undefined;
    const slot = (item as { [FILL_MEMO]?: unknown })[FILL_MEMO];
    if (!Array.isArray(slot) || !names.every((n) => Object.hasOwn(item, n))) return undefined;
    slot[loopId] ??= [];
    return slot[loopId] as (string | undefined)[];
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
      return node.kind === 'var' || (walk(node.whenTrue) && walk(node.whenFalse));
    });
  return walk(nodes) ? [...names] : undefined;
}
