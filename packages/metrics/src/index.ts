export * from './metrics-registry';
export * from './queue-depth';
export * from './job-metrics';
export * from './metrics-server';
export * from './bearer-token';
export * from './prometheus-text';
export * from './reliability-metrics';
export * from './cluster-metrics';
