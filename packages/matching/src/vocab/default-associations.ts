// The association table shipped with the package, so a new installation widens topics from day
// one; the scheduled rebuild over the stored papers replaces it. Learned from real arXiv papers
// (titles and abstracts, CC0; the evaluation splits' papers left out) by
// `scripts/learn-associations.ts`: derived statistics only, no text of any paper.
import type { AssociationTable } from './associations';
import table from './default-associations.data.json';

export const DEFAULT_ASSOCIATIONS: AssociationTable = table as AssociationTable;
