import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDb } from '../src/client';
import { committedMigrations, pendingMigrations } from '../src/migration-status';
import { runScript } from './run-script';

const server = 'postgresql://postgres@127.0.0.1:5432';
const name = `paperboy_migrate_${randomBytes(4).toString('hex')}`;
const url = `${server}/${name}`;

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

afterAll(() => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

describe('npm run db:migrate', () => {
  it('when the database does not exist, then it is created and every migration is applied and recorded', async () => {
    const first = runScript('migrate.ts', [], { DATABASE_URL: url });
    expect(first.out).toContain(`Created database`);
    expect(first.code).toBe(0);

    const db = createDb(url);
    try {
      const rows = await db.$queryRaw<{ migration_name: string; applied_steps_count: number }[]>`
        SELECT migration_name, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
      expect(rows.map((r) => r.migration_name)).toEqual(committedMigrations());
      expect(await pendingMigrations(db)).toEqual([]);
      // The schema is usable through the generated client.
      const reader = await db.subscriber.create({ data: { email: 'a@example.org' } });
      expect(reader.status).toBe('pending');
    } finally {
      await db.$disconnect();
    }
  });

  it('when run again, then nothing is applied and the history is unchanged', async () => {
    const again = runScript('migrate.ts', [], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(again.out).toContain('No pending migrations.');
    const db = createDb(url);
    const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations"`;
    await db.$disconnect();
    const count = rows[0]?.n;
    expect(count).toBe(committedMigrations().length);
  });

  it('when the database is empty, then every committed migration is reported pending', async () => {
    const emptyName = `${name}_empty`;
    await admin((c) => c.query(`CREATE DATABASE "${emptyName}"`));
    const db = createDb(`${server}/${emptyName}`);
    try {
      expect(await pendingMigrations(db)).toEqual(committedMigrations());
    } finally {
      await db.$disconnect();
      await admin((c) => c.query(`DROP DATABASE "${emptyName}" WITH (FORCE)`));
    }
  });

  it('when DATABASE_URL is not a postgres URL, then it fails naming the variable', () => {
    const bad = runScript('migrate.ts', [], { DATABASE_URL: 'mysql://x/y' });
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('DATABASE_URL');
  });

  it('when PostgreSQL refuses the user (as stock Debian/Ubuntu and Homebrew refuse the default), then it fails with a line pointing at the fix', () => {
    const refused = runScript('migrate.ts', [], {
      DATABASE_URL: `postgresql://paperboy_no_such_role@127.0.0.1:5432/${name}`,
    });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('role "paperboy_no_such_role" does not exist');
    expect(refused.out).toContain(
      'The default (postgres, no password) works only where PostgreSQL trusts local connections',
    );
    expect(refused.out).toContain('README, Quick start');
  });
});
