// Test-only helpers: import from '@paperboy/db/testing'.
export * from './src/testing';
