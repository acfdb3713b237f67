// The stored term-association table (TermAssociation: phrase → terms): its version, the whole
// table in one query, and its replacement. Bounded by the rebuild (one row per followed phrase,
// at most 5,000, at most 10 terms each), so reading all of it is cheap.
import type { Db } from '@paperboy/db';
import type { AssociationTable } from '@paperboy/matching';

/** Rows and their build time: changes with every rebuild; null when the table is empty. */
export async function storedAssociationsVersion(db: Db): Promise<string | null> {
  const [row] = await db.$queryRaw<{ n: number; at: Date | null }[]>`
    SELECT count(*)::int AS n, max("builtAt") AS at FROM "TermAssociation"`;
  return row && row.n > 0 && row.at ? `${row.n}@${row.at.toISOString()}` : null;
}

/** Whether any learned association is stored (a new installation has none). */
export async function hasStoredAssociations(db: Pick<Db, 'termAssociation'>): Promise<boolean> {
  return (await db.termAssociation.count()) > 0;
}

export async function loadStoredAssociations(db: Db): Promise<{ version: string | null; table: AssociationTable }> {
  const rows = await db.termAssociation.findMany({ select: { phrase: true, terms: true, builtAt: true } });
  const table: AssociationTable = {};
  let at = 0;
  for (const row of rows) {
    table[row.phrase] = row.terms;
    at = Math.max(at, row.builtAt.getTime());
  }
  // Computed from the rows read, so the version always describes this very table.
  return { version: rows.length > 0 ? `${rows.length}@${new Date(at).toISOString()}` : null, table };
}

/**
 * Replaces the whole table in one transaction (readers see the old table or the new one). The
 * table lock makes two rebuilds at once queue up instead of the second one's DELETE missing the
 * first one's fresh rows and its INSERT then failing on their keys; plain reads are not blocked.
 */
export async function replaceStoredAssociations(db: Db, table: AssociationTable, builtAt: Date): Promise<number> {
  const data = Object.entries(table).map(([phrase, terms]) => ({ phrase, terms, builtAt }));
  const [, , created] = await db.$transaction([
    db.$executeRaw`LOCK TABLE "TermAssociation" IN EXCLUSIVE MODE`,
    db.termAssociation.deleteMany({}),
    db.termAssociation.createMany({ data }),
  ]);
  return created.count;
}

/** Papers published since `since` and not withdrawn: whether there are enough to learn from. */
export const countPapersSince = (db: Db, since: Date): Promise<number> =>
  db.paper.count({ where: { publishedAt: { gte: since }, withdrawnAt: null } });
