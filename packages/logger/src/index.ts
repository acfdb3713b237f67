export * from './logger';
export * from './mask-email';
