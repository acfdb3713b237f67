// Issue 14, set-up 9: `.env` is read (Node's parser), and the environment wins over it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './index';
import { DOT_ENV_FILE, readDotEnv } from './dot-env';

const dir = mkdtempSync(path.join(tmpdir(), 'paperboy-dotenv-'));
const file = path.join(dir, '.env');
writeFileSync(file, '# a comment\nPORT=3999\nLOG_LEVEL="warn"\nDIGEST_HOUR=9 # inline comment\nexport_not_a_var\n');
const base = { NODE_ENV: 'test' };

describe('.env', () => {
  it('when a .env file sets PORT, then the config uses it', () => {
    const config = loadConfig(base, { dotEnvFile: file });
    expect(config.PORT).toBe(3999);
    expect(config.LOG_LEVEL).toBe('warn');
    expect(config.DIGEST_HOUR).toBe(9);
  });

  it('when the environment sets the same variable, then the environment wins (an empty one counts as unset)', () => {
    expect(loadConfig({ ...base, PORT: '4000' }, { dotEnvFile: file }).PORT).toBe(4000);
    expect(loadConfig({ ...base, PORT: '' }, { dotEnvFile: file }).PORT).toBe(3999);
  });

  it('when there is no .env file, then nothing changes', () => {
    expect(readDotEnv(path.join(dir, 'missing.env'))).toEqual({});
    expect(loadConfig(base, { dotEnvFile: path.join(dir, 'missing.env') }).PORT).toBe(3000);
  });

  it('when an explicit env object is given without a file, then no .env is read (tests stand alone)', () => {
    expect(loadConfig(base).PORT).toBe(3000);
  });

  it('when a process loads its config, then it reads the .env beside .env.example', () => {
    expect(DOT_ENV_FILE).toBe(path.resolve(__dirname, '../../../.env'));
    const example = path.resolve(__dirname, '../../../.env.example');
    expect(readDotEnv(example).NODE_ENV).toBe('development'); // the documented file parses with the same reader
  });
});
