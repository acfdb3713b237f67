import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createRawSmtpPool, type RawSmtpPool } from './raw-smtp-pool';

// A loopback server that keeps each message's bytes as received (after SMTP's dot-unstuffing)
// and refuses recipients at "bounce.test" with 550.
let server: SMTPServer;
let pool: RawSmtpPool;
const received: string[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@bounce.test'))
        return callback(Object.assign(new Error('no such user'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (received.push(Buffer.concat(chunks).toString('utf8')), callback()));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  pool = createRawSmtpPool({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, poolSize: 2 });
});

afterAll(async () => {
  pool.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const envelope = (to: string) => ({ from: 'news@example.test', to: [to] });

describe('raw SMTP pool', () => {
  it('when a message is already in wire form, then the server receives exactly those bytes', async () => {
    const message = 'Subject: plain\r\n\r\nline one\r\nline two\r\n';
    await pool.send(envelope('a@example.test'), Buffer.from(message));
    expect(received.at(-1)).toBe(message);
  });

  it('when a message has leading dots, bare LF or bare CR, then it arrives intact (escaped on the way)', async () => {
    const message = '.Subject: dots\r\n\r\n.first\n..second\r.third\r\n.\r\nend\r\n';
    await pool.send(envelope('b@example.test'), Buffer.from(message));
    // Bare LF and bare CR become CRLF; every dot survives.
    expect(received.at(-1)).toBe('.Subject: dots\r\n\r\n.first\r\n..second\r\n.third\r\n.\r\nend\r\n');
  });

  it('when the server refuses the recipient with 550, then the send fails with that code at RCPT TO and the pool keeps sending', async () => {
    await expect(pool.send(envelope('gone@bounce.test'), Buffer.from('Subject: x\r\n\r\nx\r\n'))).rejects.toMatchObject(
      { responseCode: 550, command: 'RCPT TO' },
    );
    await pool.send(envelope('c@example.test'), Buffer.from('Subject: after\r\n\r\nafter\r\n'));
    expect(received.at(-1)).toContain('after');
  });

  it('when many messages are sent at once, then each arrives once', async () => {
    const before = received.length;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pool.send(envelope(`r${i}@example.test`), Buffer.from(`Subject: ${i}\r\n\r\nbody ${i}\r\n`)),
      ),
    );
    expect(received.slice(before).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `Subject: ${i}\r\n\r\nbody ${i}\r\n`).sort(),
    );
  });
});
