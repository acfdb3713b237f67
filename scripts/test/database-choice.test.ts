// When npm start serves the embedded PostgreSQL, and where.
import { embeddedDatabasePort } from '../dev-services/database-choice';

const base = {
  embeddedDatabase: false,
  unset: { database: true, redis: true },
  isProduction: false,
  EMBEDDED_DATABASE_PORT: 5433,
};
const answers = (up: boolean) => async () => up;

describe('npm start’s choice of PostgreSQL', () => {
  test('when DATABASE_URL is unset and nothing answers on 5432, then PGlite is served on 5432, the default address', async () => {
    expect(await embeddedDatabasePort(base, answers(false))).toBe(5432);
  });

  test('when DATABASE_URL is unset and a PostgreSQL answers on 5432, then that one is used', async () => {
    expect(await embeddedDatabasePort(base, answers(true))).toBeUndefined();
  });

  test('when DATABASE_URL is set, then it is used even if nothing answers there', async () => {
    expect(
      await embeddedDatabasePort({ ...base, unset: { database: false, redis: true } }, answers(false)),
    ).toBeUndefined();
  });

  test('when DATABASE_URL=embedded, then PGlite is served on EMBEDDED_DATABASE_PORT whatever runs on 5432', async () => {
    expect(
      await embeddedDatabasePort(
        { ...base, embeddedDatabase: true, unset: { database: false, redis: true } },
        answers(true),
      ),
    ).toBe(5433);
  });

  test('when in production with nothing on 5432, then no embedded database is started', async () => {
    expect(await embeddedDatabasePort({ ...base, isProduction: true }, answers(false))).toBeUndefined();
  });
});
