// Commands load on demand (commands/index.ts): listing them loads none, and papers:import
// loads the papers use cases without email, matching or digests (memory, see BENCHMARKS.md
// "Ingestion"). Checked in a fresh Node process, where require.cache shows what was loaded.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../src');

function loadedAfter(script: string): string[] {
  const code = `${script}.then(() => console.log(JSON.stringify(Object.keys(require.cache))))`;
  const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', '-e', code], {
    cwd: SRC,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[];
}

const under = (files: string[], dir: string) => files.filter((f) => f.includes(`${path.sep}${dir}${path.sep}`));

describe('command loading', () => {
  it('when the commands are listed, then no command module is loaded', () => {
    const files = loadedAfter(
      `const { commands } = require('./commands'); require('./help').generalHelp(commands); Promise.resolve()`,
    );
    expect(files.filter((f) => f.endsWith('.command.ts'))).toEqual([]);
  });

  it('when papers:import is loaded, then neither email, matching nor digests come with it', () => {
    const files = loadedAfter(
      `const { commands, loadCommand } = require('./commands'); loadCommand(commands.find((c) => c.name === 'papers:import'))`,
    );
    expect(files.some((f) => f.endsWith('papers-import.command.ts'))).toBe(true);
    expect([
      ...under(files, path.join('packages', 'email')),
      ...under(files, path.join('packages', 'matching')),
      ...under(files, path.join('core', 'src', 'digests')),
    ]).toEqual([]);
  });
});
