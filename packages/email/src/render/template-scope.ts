// The state a fill walks with: the scopes values are looked up in, and loop positions.

/** Scopes, innermost last, and the 0-based positions of the enclosing [[#each]] loops. */
export interface State {
  scopes: object[];
  positions: number[];
}
export type Part = (state: State) => string;

/** Finds a dotted name, innermost scope first (so a paper's `title` shadows the view's). */
export function lookup(scopes: object[], path: string[]): unknown {
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
