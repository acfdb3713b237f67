// The association table matching uses: the stored one (learned from this installation's papers
// by the daily rebuild) over the one shipped with @paperboy/matching. Per phrase, a stored entry
// wins; a phrase without one (too rare in the stored papers to learn from, or followed since
// the last rebuild) keeps the shipped entry, learned from 37k real arXiv papers, rather than
// losing its widening. Kept per process and reloaded only when the stored table changed: a match
// run costs one tiny version query, not a read of the table.
import type { Db } from '@paperboy/db';
import { DEFAULT_ASSOCIATIONS, type AssociationTable } from '@paperboy/matching';
import { loadStoredAssociations, storedAssociationsVersion } from './store';

export interface AssociationSnapshot {
  /** Changes whenever the table does; part of the topic index cache's key. */
  version: string;
  table: AssociationTable;
}

export const SHIPPED_ASSOCIATIONS: AssociationSnapshot = { version: 'shipped', table: DEFAULT_ASSOCIATIONS };

export class StoredAssociations {
  private current: AssociationSnapshot = SHIPPED_ASSOCIATIONS;
  /** How many times the stored table was read (tests read it). */
  loads = 0;

  async get(db: Db): Promise<AssociationSnapshot> {
    const version = await storedAssociationsVersion(db);
    if (version === null) {
      this.current = SHIPPED_ASSOCIATIONS;
      return this.current;
    }
    if (this.current.version === `stored:${version}`) return this.current;
    const stored = await loadStoredAssociations(db);
    this.loads += 1;
    this.current =
      stored.version === null
        ? SHIPPED_ASSOCIATIONS
        : { version: `stored:${stored.version}`, table: { ...DEFAULT_ASSOCIATIONS, ...stored.table } };
    return this.current;
  }
}

/** The process-wide copy used when the caller does not bring its own. */
export const processAssociations = new StoredAssociations();
