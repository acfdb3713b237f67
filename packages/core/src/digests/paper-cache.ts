// Thousands of digests in a run carry the same few dozen papers. The claim returns only each
// paper's id, version and this reader's reason; the paper's fields are loaded once per version
// (one query for every paper a batch is missing) and kept for the process. A new version (the
// upvotes were refreshed) replaces the old one, so emails show current values.
// Rows are frozen and shared: the same (paper, version, reason) is the same object in every
// digest, so caches downstream keyed by identity hit. Never mutate them.

export interface PaperRow {
  /** The paper's id (the digest's feedback links name it). */
  id?: number;
  title: string;
  sourceId: string;
  authors: string[];
  abstract: string;
  upvotes: number;
  hfUrl: string | null;
  arxivUrl: string | null;
  pdfUrl: string | null;
  githubRepo: string | null;
  projectPage: string | null;
  organization: string | null;
  publishedAt: Date;
  numComments: number;
  reason: string;
}

export type PaperFields = Omit<PaperRow, 'reason' | 'id'>;

/** One paper of a claimed delivery: what the claim statement returns per paper. */
export type PaperRef = [id: number, version: string, reason: string];

export type LoadPapers = (ids: number[]) => Promise<(PaperFields & { id: number; version: string })[]>;

interface Entry {
  id: number;
  version: string;
  fields: PaperFields;
  byReason: Map<string, PaperRow>;
}

export class PaperCache {
  private readonly entries = new Map<number, Entry>();

  /** Past `maxPapers` (or `maxReasons` for one paper) that part starts over: memory stays bounded. */
  constructor(
    private readonly load: LoadPapers,
    private readonly maxPapers = 2_000,
    private readonly maxReasons = 500,
  ) {}

  /**
   * The rows of each delivery's papers, in order. A paper deleted since the claim is left out
   * (its DeliveryPaper row went with it); one updated since is shown as it is now. Each call
   * reads from the entries it found or loaded itself, whatever concurrent calls replace.
   */
  async rows(deliveries: PaperRef[][]): Promise<PaperRow[][]> {
    if (this.entries.size > this.maxPapers) this.entries.clear();
    const found = new Map<number, Entry | undefined>();
    for (const refs of deliveries) {
      for (const [id, version] of refs) {
        if (found.has(id)) continue;
        const entry = this.entries.get(id);
        found.set(id, entry?.version === version ? entry : undefined);
      }
    }
    const missing = [...found.keys()].filter((id) => !found.get(id));
    if (missing.length > 0)
      for (const entry of this.store(missing, await this.load(missing))) found.set(entry.id, entry);
    return deliveries.map((refs) => {
      const rows: PaperRow[] = [];
      for (const [id, , reason] of refs) {
        const entry = found.get(id);
        if (entry) rows.push(withReason(entry, reason, this.maxReasons));
      }
      return rows;
    });
  }

  private store(asked: number[], loaded: Awaited<ReturnType<LoadPapers>>): Entry[] {
    const entries = loaded.map(({ id, version, ...fields }) => {
      // A concurrent call loaded the same version first: keep its entry, one object per version.
      const known = this.entries.get(id);
      if (known?.version === version) return known;
      Object.freeze(fields.authors);
      const entry = { id, version, fields, byReason: new Map<string, PaperRow>() };
      this.entries.set(id, entry);
      return entry;
    });
    const gone = new Set(asked);
    for (const entry of entries) gone.delete(entry.id);
    for (const id of gone) this.entries.delete(id);
    return entries;
  }
}

function withReason(entry: Entry, reason: string, maxReasons: number): PaperRow {
  let row = entry.byReason.get(reason);
  if (!row) {
    if (entry.byReason.size >= maxReasons) entry.byReason.clear();
    row = Object.freeze({ id: entry.id, ...entry.fields, reason });
    entry.byReason.set(reason, row);
  }
  return row;
}
