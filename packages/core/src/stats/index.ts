export * from './overview.types';
export * from './compute-overview';
export * from './daily-series';
export * from './cached-overview';
export * from './queue-counts';
