import { ConfigError, loadConfig } from './index';

describe('loadConfig', () => {
  it('when the environment is empty, then local development defaults apply', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/paperboy');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.useDevMailbox).toBe(true);
    expect(config.DIGEST_MAX_PAPERS).toBe(10);
    expect(config.HOST).toBe('127.0.0.1');
  });

  it('when not in development, then the API listens on every interface unless HOST says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('when a variable is malformed, then the error names that variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL: must start with redis:\/\//);
    expect(() => loadConfig({ SUBSCRIBE_CHALLENGE: 'maybe' })).toThrow(/SUBSCRIBE_CHALLENGE/);
  });

  it('when several variables are bad, then every one is reported at once', () => {
    try {
      loadConfig({ PORT: '-1', DIGEST_MAX_PAPERS: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['DIGEST_MAX_PAPERS', 'PORT']);
    }
  });

  it('when running in production without SECRET_KEY or PUBLIC_URL, then it refuses to start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) })).toThrow(/PUBLIC_URL: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) })).toThrow(/SMTP_URL: required/);
  });

  it('when unconfirmed readers could be deleted within a day of their confirmation link expiring, then it refuses; 0 turns deletion off', () => {
    expect(() => loadConfig({ UNCONFIRMED_READER_DAYS: '2', CONFIRM_LINK_HOURS: '48' })).toThrow(/UNCONFIRMED_READER_DAYS: must outlast CONFIRM_LINK_HOURS by a day/);
    expect(loadConfig({ UNCONFIRMED_READER_DAYS: '3', CONFIRM_LINK_HOURS: '48' }).UNCONFIRMED_READER_DAYS).toBe(3);
    expect(loadConfig({ UNCONFIRMED_READER_DAYS: '0', CONFIRM_LINK_HOURS: '48' }).UNCONFIRMED_READER_DAYS).toBe(0);
    expect(loadConfig({}).UNCONFIRMED_READER_DAYS).toBe(30);
  });

  it('when only one admin credential is set, then it says both are needed', () => {
    expect(() => loadConfig({ ADMIN_USER: 'ops' })).toThrow(/ADMIN_USER and ADMIN_PASSWORD/);
  });

  it('when SMTP_URL is set, then the dev mailbox is not used and values are typed', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465', SUBSCRIBE_CHALLENGE: 'off', PUBLIC_URL: 'https://x.example/' });
    expect(config.useDevMailbox).toBe(false);
    expect(config.SUBSCRIBE_CHALLENGE).toBe(false);
    expect(config.PUBLIC_URL).toBe('https://x.example');
  });
});
