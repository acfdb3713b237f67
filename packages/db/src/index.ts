export * from './client';
export * from './database-url';
export * from './migration-status';
export * from './generated/client';
