export * from './metrics-registry';
export * from './queue-depth.collector';
export * from './job-metrics';
export * from './metrics-server';
export * from './bearer-token';
export * from './prometheus-text.parser';
export * from './reliability-metrics';
