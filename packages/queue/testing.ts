// Test-only helpers: import from '@paperboy/queue/testing'.
export * from './src/testing/test-queues';
