export * from './errors';
export * from './stats';
export * from './operations';
export * from './tokens';
export * from './subscribers';
export * from './matching';
export * from './papers';
export * from './digests';
