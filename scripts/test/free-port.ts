// A port for a server a test starts in another process. Not from listen(0): the kernel hands
// those out from the ephemeral range (32768-60999 on Linux), so with test files running side by
// side another process's listen(0) or outgoing connection could take the same port between this
// check and the child's own listen. Ports below that range are only ever taken on purpose.
import net from 'node:net';

const FIRST = 20_000;
const COUNT = 12_000;

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = FIRST + Math.floor(Math.random() * COUNT);
    if (await bindable(port)) return port;
  }
  throw new Error('no free port found below the ephemeral range');
}
