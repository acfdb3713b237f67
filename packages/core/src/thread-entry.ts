// How to start a worker thread on one of this package's files, from the TypeScript sources (tsx,
// Jest) and from the compiled build alike.
import path from 'node:path';

/**
 * `new Worker(code, { eval: true, execArgv })` for the file `name` (no extension) in `dir`, the
 * caller's own folder: `ext` is the caller's extension (".ts" from the sources, ".js" compiled).
 */
export function threadEntry(dir: string, name: string, ext: string): { code: string; execArgv?: string[] } {
  const file = path.join(dir, `${name}${ext}`);
  if (ext !== '.ts') return { code: `require(${JSON.stringify(file)});` };
  const tsx = `require(${JSON.stringify(require.resolve('tsx/cjs'))});`;
  // From the sources, workspace packages resolve to their sources too. Only this flag: a thread
  // refuses some of the process's own (--max-old-space-size, --expose-gc, …).
  return { code: `${tsx} require(${JSON.stringify(file)});`, execArgv: ['--conditions=source'] };
}
