// Digest composition: balanced topic sections from per-topic ranked candidates.
export {
  composeDigest,
  bySignals,
  type ComposeInput,
  type ComposeTopic,
  type ComposeCandidate,
  type ComposedPaper,
  type ComposedDigest,
  type DigestSection,
} from './compose-digest';
export { titleWords, jaccard, nearDuplicateGroups, DEFAULT_DUPLICATE_THRESHOLD } from './title-similarity';
