// Issue 14, set-up 11: `npm install` printed EBADENGINE for packages that want Node >= 22 while
// the README said 20+. Every package the lockfile installs must accept the oldest release of
// each Node line paperboy's own `engines` supports, so installing prints no engine warning.
import { readFileSync } from 'node:fs';
import path from 'node:path';

// semver is npm's own range logic (here through the lockfile's packages).
const semver = require('semver') as { satisfies(version: string, range: string): boolean };

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } }>;
};
/** The oldest release of each supported line. */
const OLDEST = ['20.19.0', '22.12.0', '24.0.0'];

describe('supported Node.js lines', () => {
  it('when paperboy says which Node lines it supports, then it names 20.19+, 22.12+ and 24+, and not end-of-life 18 or early 20', () => {
    for (const version of OLDEST)
      expect([version, semver.satisfies(version, pkg.engines.node)]).toEqual([version, true]);
    for (const version of ['18.20.0', '20.18.0', '21.7.0'])
      expect([version, semver.satisfies(version, pkg.engines.node)]).toEqual([version, false]);
  });

  it('when the lockfile is installed on the oldest release of any supported line, then no package refuses that Node (no EBADENGINE)', () => {
    const refusing = Object.entries(lock.packages).flatMap(([name, entry]) => {
      const range = entry.engines?.node;
      if (!name || !range) return [];
      return OLDEST.filter((version) => !semver.satisfies(version, range)).map(
        (version) => `${name.replace(/^.*node_modules\//, '')} wants ${range}, not ${version}`,
      );
    });
    expect(refusing).toEqual([]);
  });
});
