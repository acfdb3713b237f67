import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './index';

const devSecretFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'paperboy-config-')), '.paperboy', 'secret-key');
const load = (env: Record<string, string>) => loadConfig(env, { devSecretFile: devSecretFile() });

describe('storage configuration', () => {
  it('when DATABASE_URL and REDIS_URL are unset, then the local defaults apply and are marked as merely defaults', () => {
    const config = load({});
    expect(config.unset).toEqual({ database: true, redis: true });
    expect(config.embeddedDatabase).toBe(false);
  });

  it('when they are set (even to the defaults), then they are the operator’s choice', () => {
    const config = load({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/paperboy',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config.unset).toEqual({ database: false, redis: false });
  });

  it('when DATABASE_URL=embedded, then the database is the embedded server on EMBEDDED_DATABASE_PORT', () => {
    expect(load({ DATABASE_URL: 'embedded' })).toMatchObject({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5433/paperboy',
      embeddedDatabase: true,
    });
    expect(load({ DATABASE_URL: 'embedded', EMBEDDED_DATABASE_PORT: '6543' }).DATABASE_URL).toBe(
      'postgresql://postgres@127.0.0.1:6543/paperboy',
    );
  });

  it('when DATABASE_URL=embedded in production, then the configuration is refused, saying why', () => {
    const production = {
      NODE_ENV: 'production',
      SECRET_KEY: 'k'.repeat(32),
      PUBLIC_URL: 'https://p.example',
      SMTP_URL: 'smtp://mail.example:25',
    };
    expect(() => load({ ...production, DATABASE_URL: 'embedded' })).toThrow(
      /DATABASE_URL: embedded PostgreSQL \(PGlite\) is for trying paperboy; use a real PostgreSQL in production/,
    );
  });

  it('when DATABASE_URL is neither embedded nor a postgres URL, then the message still names the protocols', () => {
    expect(() => load({ DATABASE_URL: 'mysql://x/y' })).toThrow(/DATABASE_URL: .*postgres:\/\//);
  });
});
