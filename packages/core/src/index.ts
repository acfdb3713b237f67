export * from './errors';
export * from './stats';
