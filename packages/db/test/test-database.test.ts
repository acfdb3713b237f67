import { createTestDatabase } from '../src/testing';
import { pendingMigrations } from '../src/migration-status';

describe('createTestDatabase', () => {
  it('when two test databases are created, then each is migrated and isolated from the other', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.url).not.toBe(b.url);
      expect(await pendingMigrations(a.db)).toEqual([]);
      await a.db.subscriber.create({ data: { email: 'only-in-a@example.org' } });
      expect(await a.db.subscriber.count()).toBe(1);
      expect(await b.db.subscriber.count()).toBe(0);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
