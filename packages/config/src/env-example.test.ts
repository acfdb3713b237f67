import { readFileSync } from 'node:fs';
import path from 'node:path';
import { envSchema } from './schema';

describe('.env.example', () => {
  it('when compared with the schema, then every variable is documented and none is unknown', () => {
    const text = readFileSync(path.resolve(__dirname, '../../../.env.example'), 'utf8');
    const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const known = Object.keys(envSchema.shape);
    expect(known.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !known.includes(name!))).toEqual([]);
  });
});
