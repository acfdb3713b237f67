// The error type alone: import from '@paperboy/core/errors' where loading every use case (the
// package index) would cost start-up time, e.g. the CLI's entry point.
export * from './src/errors';
