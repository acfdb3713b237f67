// The benchmark's SMTP server, in its own process so that its CPU is not the sender's:
// accepts every message, keeps only a count and the distinct Message-IDs, reports over IPC.
//
// By default a lean SMTP server written for this harness: commands are read line by line
// (pipelined or not), and a message's end ("\r\n.\r\n") is found with Buffer.indexOf instead
// of smtp-server's per-chunk JavaScript unescaping stream. It is the harness, not the service:
// in production the relay runs elsewhere, so its CPU on these two cores is an artefact of the
// benchmark. Every message is still read to its end, counted, and its header block parsed for
// the Message-ID. `--sink=smtp-server` (passed through by digest-send.bench.ts) runs the
// previous sink on the `smtp-server` package instead, for side-by-side runs with older trees.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
let bytes = 0;
const messageIds = new Set<string>();

/** The Message-ID of a header block (latin1 text, unfolded first). */
function messageIdOf(head: string): string | undefined {
  return /^Message-ID:\s*(\S+)/im.exec(head.replace(/\r\n[ \t]+/g, ' '))?.[1];
}

function countMessage(head: string, size: number): void {
  received += 1;
  bytes += size;
  const id = messageIdOf(head);
  if (id) messageIds.add(id);
}

const END_OF_DATA = Buffer.from('\r\n.\r\n', 'latin1');
const END_OF_HEADERS = Buffer.from('\r\n\r\n', 'latin1');

/** One connection of the lean server: command lines, then DATA until "<CRLF>.<CRLF>". */
function leanSession(socket: Socket): void {
  // Replies are a few bytes each, awaited by the client: without this, Nagle holds one back until the
  // client's delayed ACK (tens of milliseconds per message).
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  let inData = false;
  // The message so far: the header block (parsed at the end) and the body's size.
  let head: Buffer | undefined;
  let headParts: Buffer[] = [];
  let size = 0;
  // The last bytes of the message seen so far, so that an end marker split across chunks is found.
  let tail = Buffer.alloc(0);
  const reply = (line: string) => socket.write(`${line}\r\n`);

  const command = (line: string): void => {
    const verb = line.slice(0, 4).toUpperCase();
    if (verb === 'EHLO') reply('250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760');
    else if (verb === 'HELO') reply('250 sink');
    else if (verb === 'DATA') {
      inData = true;
      head = undefined;
      headParts = [];
      size = 0;
      // A message may be empty: its end marker then directly follows DATA's line.
      tail = Buffer.from('\r\n', 'latin1');
      reply('354 go ahead');
    } else if (verb === 'QUIT') {
      reply('221 bye');
      socket.end();
    } else if (verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') reply('250 OK');
    else reply('502 not implemented');
  };

  /** Feeds message bytes; returns the offset in `chunk` after the end marker, or -1 if not there yet. */
  const data = (chunk: Buffer): number => {
    // Search the carried tail and the chunk's start together, then the chunk itself.
    const joined = Buffer.concat([tail, chunk.subarray(0, END_OF_DATA.length)]);
    let end = joined.indexOf(END_OF_DATA);
    let after: number;
    let bodyEnd: number;
    if (end !== -1) {
      after = end + END_OF_DATA.length - tail.length;
      bodyEnd = Math.max(0, end + 2 - tail.length);
    } else {
      end = chunk.indexOf(END_OF_DATA);
      after = end === -1 ? -1 : end + END_OF_DATA.length;
      bodyEnd = end === -1 ? chunk.length : end + 2;
    }
    const body = chunk.subarray(0, bodyEnd);
    size += body.length;
    if (!head) {
      headParts.push(body);
      const sofar = Buffer.concat(headParts);
      const blank = sofar.indexOf(END_OF_HEADERS);
      if (blank !== -1) head = sofar.subarray(0, blank + 2);
      else if (after !== -1)
        head = sofar; // no body: the whole message is headers
      else headParts = [sofar];
    }
    if (after === -1) {
      const keep = END_OF_DATA.length - 1;
      tail = Buffer.from(chunk.length >= keep ? chunk.subarray(-keep) : Buffer.concat([tail, chunk]).subarray(-keep));
      return -1;
    }
    countMessage((head ?? Buffer.alloc(0)).toString('latin1'), size);
    inData = false;
    reply(`250 OK queued as ${received}`);
    return after;
  };

  socket.on('data', (chunk: Buffer) => {
    let input = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    while (input.length > 0) {
      if (inData) {
        const after = data(input);
        if (after === -1) return;
        input = input.subarray(after);
        continue;
      }
      const eol = input.indexOf('\r\n');
      if (eol === -1) {
        pending = Buffer.from(input);
        return;
      }
      command(input.subarray(0, eol).toString('latin1'));
      input = input.subarray(eol + 2);
    }
  });
  socket.on('error', () => socket.destroy());
  reply('220 sink ESMTP');
}

/** The previous sink: the `smtp-server` package (its DATA stream unescapes every chunk in JavaScript). */
function smtpServerSink() {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        countMessage(head.split('\r\n\r\n')[0] ?? head, size);
        callback();
      });
    },
  });
}

const server = process.argv.includes('--sink=smtp-server') ? smtpServerSink().server : createServer(leanSession);
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
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
