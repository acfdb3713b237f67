// `@paperboy/matching/testing`: what only tests and benchmarks use - seeded random numbers, and
// NaiveRanker, the naive reference the fast ranking is checked and benchmarked against.
export * from '../seeded-random';
export { NaiveRanker, type NaiveOptions } from '../naive/naive-ranker';
