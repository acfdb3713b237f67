// Embedded PostgreSQL for trying paperboy with nothing but Node: PGlite (PostgreSQL compiled to
// WebAssembly, data in .paperboy/pglite) served over the PostgreSQL wire protocol on loopback,
// so the API, the worker, the CLI and the migrations connect to it with their usual driver.
//
// PGlite is ONE session. Several clients sharing it at once would share its prepared statements
// (two processes preparing "claim-batch" clash), transactions and advisory locks, so this server
// admits one connection at a time: the others wait, unanswered, in arrival order. When the
// connection in the session closes, the session is reset (ROLLBACK, DISCARD ALL: prepared
// statements, advisory locks, settings) before the next one is let in. Each process therefore
// keeps a one-connection pool that it closes when idle (createDb's `embedded` option), so
// processes take turns. (@electric-sql/pglite-socket interleaves connections' messages on the
// one session and keeps prepared statements across connections, and pins an older PGlite.)
import { PGlite } from '@electric-sql/pglite';
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const TERMINATE = 0x58; // 'X'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S', length 4

export interface EmbeddedPostgres {
  port: number;
  /** Connections served so far (each one a turn at the session). */
  connectionsServed(): number;
  /** Stops listening, drops the connections, and closes PGlite (its data is flushed to disk). */
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create({ dataDir: options.dataDir });
  const waiting: net.Socket[] = [];
  const sockets = new Set<net.Socket>();
  let active: net.Socket | undefined;
  let served = 0;
  let work: Promise<unknown> = Promise.resolve();
  // Everything that touches the session runs in this one chain, in order.
  const enqueue = (task: () => Promise<unknown>) => (work = work.then(task, task).catch(() => undefined));

  const reset = async () => {
    await db.execProtocolRaw(SYNC); // ends an extended-protocol exchange the client left unfinished
    if (db.isInTransaction()) await db.exec('ROLLBACK');
    await db.exec('DISCARD ALL');
  };

  const admitNext = () => {
    if (active) return;
    active = waiting.shift();
    if (!active) return;
    served += 1;
    serve(active);
  };

  function serve(socket: net.Socket): void {
    let buffer = Buffer.alloc(0);
    let started = false;
    const reply = (data: Uint8Array) => {
      if (data.length && socket.writable) socket.write(Buffer.from(data));
    };
    const run = (message: Uint8Array) => enqueue(() => db.execProtocolRawStream(message, { onRawData: reply }));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          // Startup phase: length-prefixed messages without a type byte.
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) socket.write('N');
          else if (code === CANCEL_REQUEST)
            socket.end(); // not supported; the query runs to its end
          else {
            started = true;
            run(new Uint8Array(message));
          }
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) return;
        const message = new Uint8Array(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (message[0] === TERMINATE) {
          socket.end();
          return;
        }
        run(message);
      }
    });
    socket.resume();
  }

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.pause(); // read nothing until its turn
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      sockets.delete(socket);
      const queued = waiting.indexOf(socket);
      if (queued >= 0) waiting.splice(queued, 1);
      if (socket !== active) return;
      enqueue(reset).then(() => {
        active = undefined;
        admitNext();
      });
    });
    waiting.push(socket);
    admitNext();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);

  return {
    port: (server.address() as net.AddressInfo).port,
    connectionsServed: () => served,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await work;
      await db.close();
    },
  };
}
