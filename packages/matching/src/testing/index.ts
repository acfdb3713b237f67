// `@paperboy/matching/testing`: what only tests and benchmarks use - seeded random numbers, and
// NaiveRanker, the naive reference the fast ranking is checked and benchmarked against.
export * from './random.util';
export { NaiveRanker, type NaiveOptions } from '../naive/naive-ranker';
