// Stored reasons name the topic by its key ("diffus model"); digests show the reader's own words
// ("Diffusion Models"). Readers who share a topic mostly type it the same way, so each (reason,
// wording) pair is told once and shared, instead of a new sentence per reader per paper: with a
// million readers that is millions of strings the garbage collector never has to see.
import { relabelReason, type MatchReason } from '@paperboy/matching';

/** One per MatchWindow (or per call): it lives, and is dropped, with the reasons it tells. */
export class ReasonLabels {
  // A Map, not a WeakMap: it is looked up for every paper of every reader, and its lifetime is
  // already that of the reasons (a plain Map's lookups are several times cheaper).
  private readonly told = new Map<MatchReason, Map<string, MatchReason>>();

  tell(reason: MatchReason, label: string | undefined): MatchReason {
    if (label === undefined || label === reason.topic) return reason;
    let byLabel = this.told.get(reason);
    if (byLabel === undefined) {
      byLabel = new Map();
      this.told.set(reason, byLabel);
    }
    let told = byLabel.get(label);
    if (told === undefined) {
      told = relabelReason(reason, label);
      byLabel.set(label, told);
    }
    return told;
  }
}
