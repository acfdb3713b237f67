// An SMTP server on loopback whose answers the test scripts per recipient and attempt: accept,
// reply with a code (and the text after it, e.g. an RFC 3463 enhanced status such as
// '5.7.1 relaying denied') at RCPT TO or at the end of DATA, or drop the connection mid-DATA.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Fault = { at: 'rcpt' | 'data'; code: number; text?: string } | 'drop' | 'accept';
/** What to do with the n-th attempt (1-based) to deliver to `to`. */
export type FaultPlan = (to: string, attempt: number) => Fault;

export interface FaultySmtp {
  url: string;
  /** Accepted messages: recipient and Message-ID. */
  accepted: { to: string; messageId: string }[];
  attempts(to: string): number;
  close(): Promise<void>;
}

const withCode = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startFaultySmtp(plan: FaultPlan): Promise<FaultySmtp> {
  const tries = new Map<string, number>();
  const accepted: FaultySmtp['accepted'] = [];
  const current = (session: { envelope: { rcptTo: { address: string }[] } }) =>
    session.envelope.rcptTo[0]?.address ?? '';
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const attempt = (tries.get(address.address) ?? 0) + 1;
      tries.set(address.address, attempt);
      const fault = plan(address.address, attempt);
      if (typeof fault === 'object' && fault.at === 'rcpt')
        return callback(withCode(fault.code, fault.text ?? `scripted ${fault.code} at RCPT`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = current(session);
        const fault = plan(to, tries.get(to) ?? 1);
        if (fault === 'drop') {
          // Never answer the final dot: the client sees the connection die mid-transaction.
          const connections = (server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> })
            .connections;
          for (const c of connections) if (c.id === session.id) c._socket.destroy();
          return;
        }
        if (typeof fault === 'object' && fault.at === 'data')
          return callback(withCode(fault.code, fault.text ?? `scripted ${fault.code} at DATA`));
        const raw = Buffer.concat(chunks).toString('utf8');
        accepted.push({ to, messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '' });
        callback();
      });
    },
  });
  // A client killed mid-session (SIGKILL tests) resets its socket: expected, not a test failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    attempts: (to) => tries.get(to) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
