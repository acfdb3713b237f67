import { Writable } from 'node:stream';
import { createLogger } from './logger';
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
