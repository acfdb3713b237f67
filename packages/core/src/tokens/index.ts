export * from './signed-token';
export * from './reader-links';
export * from './proof-of-work';
export * from './accept-pow-proof';
export * from './feedback-links';
