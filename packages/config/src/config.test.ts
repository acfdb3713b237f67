import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, composeThreads, loadConfig } from './index';

const devSecretFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'paperboy-config-')), '.paperboy', 'secret-key');
const SECRET = { SECRET_KEY: 'k'.repeat(32) };

describe('loadConfig', () => {
  it('when the environment is empty, then local development defaults apply', () => {
    const config = loadConfig({}, { devSecretFile: devSecretFile() });
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/paperboy');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.useDevMailbox).toBe(true);
    expect(config.DIGEST_MAX_PAPERS).toBe(10);
    expect(config.HOST).toBe('127.0.0.1');
  });

  it('when in production, then the API listens on every interface unless HOST says otherwise; elsewhere on loopback', () => {
    const production = {
      NODE_ENV: 'production',
      ...SECRET,
      PUBLIC_URL: 'https://p.example',
      SMTP_URL: 'smtp://mail.example:25',
    };
    expect(loadConfig(production).HOST).toBe('0.0.0.0');
    expect(loadConfig({ ...production, HOST: '10.0.0.5' }).HOST).toBe('10.0.0.5');
    expect(loadConfig({ NODE_ENV: 'test' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0', ...SECRET }).HOST).toBe('0.0.0.0');
  });

  it('when SECRET_KEY is unset in development, then a random key is generated once, kept in a private file, and reused', () => {
    const file = devSecretFile();
    const first = loadConfig({}, { devSecretFile: file });
    expect(first.SECRET_KEY).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.secretKeySource).toBe('development file');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.SECRET_KEY);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({}, { devSecretFile: file }).SECRET_KEY).toBe(first.SECRET_KEY);
    expect(loadConfig({}, { devSecretFile: devSecretFile() }).SECRET_KEY).not.toBe(first.SECRET_KEY);
    expect(loadConfig({ ...SECRET }, { devSecretFile: file }).SECRET_KEY).toBe(SECRET.SECRET_KEY);
    // Tests too: a generated key shared by their processes, never a constant from the source.
    const testFile = devSecretFile();
    const testKey = loadConfig({ NODE_ENV: 'test' }, { devSecretFile: testFile }).SECRET_KEY;
    expect(testKey).toBe(readFileSync(testFile, 'utf8').trim());
    expect(readFileSync(path.join(__dirname, 'index.ts'), 'utf8')).not.toContain(testKey);
  });

  it('when the development key file is damaged, then it refuses naming SECRET_KEY', () => {
    const file = devSecretFile();
    loadConfig({}, { devSecretFile: file });
    writeFileSync(file, 'short\n');
    expect(() => loadConfig({}, { devSecretFile: file })).toThrow(/SECRET_KEY: .*no usable key/);
  });

  it('when SECRET_KEY is unset and PUBLIC_URL is not localhost or HOST is beyond loopback, then it refuses to start naming SECRET_KEY', () => {
    for (const env of [
      { PUBLIC_URL: 'https://news.example.org' },
      { HOST: '0.0.0.0' },
      { HOST: '192.168.1.20' },
      { NODE_ENV: 'test', HOST: '::' },
    ]) {
      expect(() => loadConfig(env, { devSecretFile: devSecretFile() })).toThrow(
        /SECRET_KEY: required when PUBLIC_URL is not localhost or HOST listens beyond loopback/,
      );
    }
    for (const env of [
      { PUBLIC_URL: 'http://127.0.0.1:3000' },
      { HOST: '::1', PUBLIC_URL: 'http://[::1]:3000' },
      { HOST: 'localhost', PUBLIC_URL: 'http://app.localhost:3000' },
    ]) {
      expect(loadConfig(env, { devSecretFile: devSecretFile() }).listensOnLoopbackOnly).toBe(true);
    }
  });

  it('when the worker metrics listen beyond loopback without METRICS_TOKEN, then it refuses; loopback is the default', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).METRICS_HOST).toBe('127.0.0.1');
    expect(() => loadConfig({ NODE_ENV: 'test', METRICS_HOST: '0.0.0.0' })).toThrow(
      /METRICS_TOKEN: required when the worker's \/metrics listens beyond loopback/,
    );
    expect(loadConfig({ NODE_ENV: 'test', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'scrape-token' }).METRICS_HOST).toBe(
      '0.0.0.0',
    );
    expect(loadConfig({ NODE_ENV: 'test', METRICS_HOST: '0.0.0.0', METRICS_PORT: '0' }).METRICS_PORT).toBe(0);
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

  it('when WORKER_PROCESSES is unset, then every environment runs one worker process; a set value wins and 0 or 65 is refused', () => {
    const production = {
      NODE_ENV: 'production',
      ...SECRET,
      PUBLIC_URL: 'https://p.example',
      SMTP_URL: 'smtp://mail.example:25',
    };
    expect(loadConfig(production).WORKER_PROCESSES).toBe(1);
    expect(loadConfig({ ...production, WORKER_PROCESSES: '3' }).WORKER_PROCESSES).toBe(3);
    expect(loadConfig({ NODE_ENV: 'test' }).WORKER_PROCESSES).toBe(1);
    expect(loadConfig({ NODE_ENV: 'development' }, { devSecretFile: devSecretFile() }).WORKER_PROCESSES).toBe(1);
    expect(loadConfig({ NODE_ENV: 'test', WORKER_PROCESSES: '2' }).WORKER_PROCESSES).toBe(2);
    for (const bad of ['0', '65', '1.5', 'many'])
      expect(() => loadConfig({ NODE_ENV: 'test', WORKER_PROCESSES: bad })).toThrow(/WORKER_PROCESSES/);
  });

  it('when SEND_COMPOSE_THREADS is auto, then a worker gets a compose thread only where its processes leave a core free; a number wins', () => {
    expect([composeThreads('auto', 1, 2), composeThreads('auto', 2, 2), composeThreads('auto', 3, 2)]).toEqual([
      1, 0, 0,
    ]);
    expect([composeThreads('auto', 1, 1), composeThreads('auto', 2, 8)]).toEqual([0, 1]);
    expect(composeThreads(0, 1, 8)).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', SEND_COMPOSE_THREADS: '3' }).SEND_COMPOSE_THREADS).toBe(3);
    for (const processes of [1, 64])
      expect(loadConfig({ NODE_ENV: 'test', WORKER_PROCESSES: String(processes) }).SEND_COMPOSE_THREADS).toBe(
        composeThreads('auto', processes, availableParallelism()),
      );
    for (const bad of ['-1', '17', 'many'])
      expect(() => loadConfig({ NODE_ENV: 'test', SEND_COMPOSE_THREADS: bad })).toThrow(/SEND_COMPOSE_THREADS/);
  });

  it('when running in production without SECRET_KEY or PUBLIC_URL, then it refuses to start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) })).toThrow(/PUBLIC_URL: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) })).toThrow(/SMTP_URL: required/);
  });

  it('when unconfirmed readers could be deleted within a day of their confirmation link expiring, then it refuses; 0 turns deletion off', () => {
    expect(() => loadConfig({ UNCONFIRMED_READER_DAYS: '2', CONFIRM_LINK_HOURS: '48' })).toThrow(
      /UNCONFIRMED_READER_DAYS: must outlast CONFIRM_LINK_HOURS by a day/,
    );
    expect(
      loadConfig({ NODE_ENV: 'test', UNCONFIRMED_READER_DAYS: '3', CONFIRM_LINK_HOURS: '48' }).UNCONFIRMED_READER_DAYS,
    ).toBe(3);
    expect(
      loadConfig({ NODE_ENV: 'test', UNCONFIRMED_READER_DAYS: '0', CONFIRM_LINK_HOURS: '48' }).UNCONFIRMED_READER_DAYS,
    ).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test' }).UNCONFIRMED_READER_DAYS).toBe(30);
  });

  it('when the bounce webhooks are configured, then topics are a list, a test-only SNS pattern is refused outside tests, and bad keys are named', () => {
    const ok = loadConfig({
      ...SECRET,
      NODE_ENV: 'test',
      BOUNCE_SES_TOPIC_ARNS: 'arn:aws:sns:eu-west-1:123456789012:a, arn:aws:sns:eu-west-1:123456789012:b',
      BOUNCE_SNS_URL_PATTERN: '^http://127\\.0\\.0\\.1:\\d+/',
      BOUNCE_IMAP_URL: 'imaps://u%40x.org:p@imap.example.org/INBOX',
    });
    expect(ok.BOUNCE_SES_TOPIC_ARNS).toEqual([
      'arn:aws:sns:eu-west-1:123456789012:a',
      'arn:aws:sns:eu-west-1:123456789012:b',
    ]);
    expect(ok.BOUNCE_IMAP_EVERY_SECONDS).toBe(300);
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...SECRET, ...env });
        return [];
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.split(':')[0]);
      }
    };
    expect(
      problems({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://x.org',
        SMTP_URL: 'smtp://x.org',
        BOUNCE_SNS_URL_PATTERN: '.*',
      }),
    ).toEqual(['BOUNCE_SNS_URL_PATTERN']);
    expect(problems({ BOUNCE_SNS_URL_PATTERN: '.*' })).toEqual(['BOUNCE_SNS_URL_PATTERN']);
    expect(problems({ BOUNCE_SES_TOPIC_ARNS: 'my-topic' })).toEqual(['BOUNCE_SES_TOPIC_ARNS.0']); // the first ARN
    expect(problems({ BOUNCE_POSTMARK_USER: 'postmark' })).toEqual([
      'BOUNCE_POSTMARK_USER and BOUNCE_POSTMARK_PASSWORD',
    ]);
    expect(problems({ BOUNCE_SENDGRID_PUBLIC_KEY: 'bm90IGEga2V5' })).toEqual(['BOUNCE_SENDGRID_PUBLIC_KEY']);
    expect(problems({ BOUNCE_IMAP_URL: 'https://imap.example.org' })).toEqual(['BOUNCE_IMAP_URL']);
  });

  it('when only one admin credential is set, then it says both are needed', () => {
    expect(() => loadConfig({ ADMIN_USER: 'ops' })).toThrow(/ADMIN_USER and ADMIN_PASSWORD/);
  });

  it('when SMTP_URL is set, then the dev mailbox is not used and values are typed', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example:465',
      SUBSCRIBE_CHALLENGE: 'off',
      PUBLIC_URL: 'https://x.example/',
      ...SECRET,
    });
    expect(config.useDevMailbox).toBe(false);
    expect(config.SUBSCRIBE_CHALLENGE).toBe(false);
    expect(config.PUBLIC_URL).toBe('https://x.example');
  });
});
