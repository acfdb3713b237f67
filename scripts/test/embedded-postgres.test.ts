// The embedded PostgreSQL (PGlite over the wire protocol) is one session shared by turns: these
// tests check that what runs on PostgreSQL runs on it - named prepared statements, transactions,
// advisory locks, Prisma and the node-postgres pool through createDb - and that connections
// from several "processes" take turns without seeing each other's session state.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, sqlPool } from '@paperboy/db';
import { Client } from 'pg';

jest.setTimeout(120_000);

let dir: string;
let server: ChildProcess;
let output = '';
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'embedded-postgres-'));
  server = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.join(__dirname, 'fixtures/serve-embedded-postgres.ts'), dir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', () => /listening (\d+)/.test(output) && resolve(/listening (\d+)/.exec(output)![1]!));
    server.once('exit', (code) => reject(new Error(`embedded server exited (${code}): ${output}`)));
  });
  url = `postgresql://postgres@127.0.0.1:${port}/paperboy`;
  const setup = await connect();
  await setup.query(
    'CREATE TABLE item (id serial PRIMARY KEY, name text NOT NULL, updated_at timestamp(3) NOT NULL DEFAULT now())',
  );
  await setup.end();
});

afterAll(async () => {
  if (server?.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

async function connect(): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

const names = async (client: Client) =>
  (await client.query<{ name: string }>('SELECT name FROM item ORDER BY id')).rows.map((r) => r.name);

describe('embedded PostgreSQL', () => {
  test('when two connections prepare the same statement name one after the other, then each gets its own (the session is reset between turns)', async () => {
    const first = await connect();
    expect((await first.query({ name: 'claim', text: 'SELECT $1::int + 1 AS n', values: [41] })).rows).toEqual([
      { n: 42 },
    ]);
    expect((await first.query({ name: 'claim', text: 'SELECT $1::int + 1 AS n', values: [1] })).rows).toEqual([
      { n: 2 },
    ]);
    await first.end();
    const second = await connect();
    expect((await second.query({ name: 'claim', text: "SELECT $1::text || '!' AS s", values: ['hi'] })).rows).toEqual([
      { s: 'hi!' },
    ]);
    await second.end();
  });

  test('when a second connection arrives during a transaction, then it waits for its turn and sees only what was committed', async () => {
    const first = await connect();
    await first.query('BEGIN');
    await first.query("INSERT INTO item (name) VALUES ('committed')");
    let secondConnected = false;
    const second = connect().then((client) => {
      secondConnected = true;
      return client;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(secondConnected).toBe(false);
    await first.query('COMMIT');
    await first.query('BEGIN');
    await first.query("INSERT INTO item (name) VALUES ('left open')");
    // The client goes away inside its transaction: the next turn starts from a clean session.
    first.on('error', () => undefined);
    (first as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const client = await second;
    expect(await names(client)).toEqual(['committed']);
    await client.end();
  });

  test('when a session holds advisory locks and goes, then they are released; within a turn they work as on PostgreSQL', async () => {
    const holder = await connect();
    expect((await holder.query('SELECT pg_try_advisory_lock(7) AS got')).rows).toEqual([{ got: true }]);
    await holder.query('BEGIN');
    expect((await holder.query('SELECT pg_try_advisory_xact_lock(8) AS got')).rows).toEqual([{ got: true }]);
    await holder.query('COMMIT');
    await holder.query("SET statement_timeout = '1s'");
    await holder.end();
    const next = await connect();
    const locks = await next.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory'");
    expect(locks.rows).toEqual([{ n: '0' }]);
    expect((await next.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '0' }]);
    await next.end();
  });

  test('when two processes share it through createDb (embedded pools), then Prisma, transactions and named statements on both interleave by turns', async () => {
    const api = createDb(url, { embedded: true });
    const worker = createDb(url, { embedded: true });
    try {
      const work = async (db: typeof api, who: string) => {
        for (let i = 0; i < 5; i += 1) {
          await db.$transaction(async (tx) => {
            await tx.$executeRaw`INSERT INTO item (name) VALUES (${`${who}-${i}`})`;
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(42)`;
          });
          const rows = await sqlPool(db).query({
            name: 'count-items',
            text: 'SELECT count(*)::int AS n FROM item WHERE name LIKE $1',
            values: [`${who}-%`],
          });
          expect(rows.rows).toEqual([{ n: i + 1 }]);
        }
      };
      await Promise.all([work(api, 'api'), work(worker, 'worker')]);
      // Timestamps read through the pool are the instants Prisma reads (UTC), as on PostgreSQL.
      const viaPool = await sqlPool(api).query<{ updated_at: Date }>(
        "SELECT updated_at FROM item WHERE name = 'api-0'",
      );
      const viaPrisma = await api.$queryRaw<{ updated_at: Date }[]>`SELECT updated_at FROM item WHERE name = 'api-0'`;
      expect(viaPool.rows[0]!.updated_at.getTime()).toBe(viaPrisma[0]!.updated_at.getTime());
    } finally {
      await Promise.all([api.$disconnect(), worker.$disconnect()]);
    }
    // Each pool holds one connection, and the server admits one at a time: both finishing means
    // each closed its connection when idle or used up and the other had its turn.
  });
});
