// Which papers are trending in a period (the upvotes they gained), for the digests' "Also
// trending" and the subscribe page's preview alike; cached per period for a build batch.
export * from './trending';
export type { TrendingCandidate } from './trending.store';
export * from './trending-cache';
