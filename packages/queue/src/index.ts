export * from './names';
export * from './redis';
export * from './job-id';
export * from './queues';
export * from './payloads';
export * from './redis-durability';
export * from './redis-errors';
