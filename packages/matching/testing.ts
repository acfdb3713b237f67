// Test and benchmark helpers: import from '@paperboy/matching/testing'.
export * from './src/testing/random.util';
