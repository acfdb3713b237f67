import { Writable } from 'node:stream';
import { createLogger, prettyStream, wantsPrettyLogs } from './logger';
import { maskEmail } from './mask-email';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('when a secret is logged, then it is redacted and the line is JSON with level and service', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', name: 'test', destination });
    logger.info({ config: { SECRET_KEY: 'hunter2hunter2hunter2', PORT: 3000 }, password: 'pw' }, 'started');
    expect(lines[0]).toMatchObject({ level: 'info', service: 'test', msg: 'started', password: '[redacted]' });
    expect(JSON.stringify(lines[0])).not.toContain('hunter2');
  });

  it('when the level is warn, then info lines are dropped', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'warn', name: 'test', destination }).info('quiet');
    expect(lines).toHaveLength(0);
  });
});

describe('maskEmail', () => {
  it('when given an address, then the local part is masked and the domain kept', () => {
    expect(maskEmail('reader@example.org')).toBe('r***r@example.org');
    expect(maskEmail('ab@x.io')).toBe('a***@x.io');
    expect(maskEmail('not-an-address')).toBe('***');
  });
});

describe('log format', () => {
  it('when in development on a terminal, then logs are readable lines; otherwise JSON', () => {
    expect(wantsPrettyLogs(true, { isTTY: true })).toBe(true);
    expect(wantsPrettyLogs(true, { isTTY: false })).toBe(false);
    expect(wantsPrettyLogs(true, {})).toBe(false);
    expect(wantsPrettyLogs(false, { isTTY: true })).toBe(false);
  });

  it('when logs are pretty, then each event is one readable line, still redacted, with its fields', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ level: 'info', name: 'api', destination: prettyStream(sink, false) });
    logger.error({ source: 'api:ingest', password: 'hunter2' }, 'redis: unreachable');
    logger.info('paperboy API listening');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] ERROR: api: redis: unreachable \{.*"source":"api:ingest"/);
    expect(lines[0]).toContain('"password":"[redacted]"');
    expect(lines[0]).not.toContain('hunter2');
    expect(lines[1]).toMatch(/INFO: api: paperboy API listening$/);
  });
});
