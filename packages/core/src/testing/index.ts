// `@paperboy/core/testing`: what only tests and benchmarks call, kept off the package root so
// the apps cannot come to depend on it: the real services an app's test file runs against, and
// rankEveryReader, which ranks every reader in one run (the matching benchmark's fan-out;
// production builds digests per batch through the digest jobs).
export {
  rankEveryReader,
  type RankEveryReaderOptions,
  type RankEveryReaderStats,
} from '../matches/rank-every-reader.usecase';
export { startTestServices, type TestServices } from './test-services';
