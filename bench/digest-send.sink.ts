// The benchmark's SMTP server, in its own process so that its CPU is not the sender's:
// accepts every message, keeps only a count and the distinct Message-IDs, reports over IPC.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
let bytes = 0;
const messageIds = new Set<string>();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      received += 1;
      const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
      if (id) messageIds.add(id);
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'count')
    process.send?.({
      received,
      distinct: messageIds.size,
      bytes,
      rssMb: process.memoryUsage().rss / 1e6,
      cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    });
  if (msg.type === 'close') server.close(() => process.exit(0));
});
