// A worker cluster whose child dies at once, every time (exit code 3): what a crash loop looks
// like to the primary of worker-cluster.ts. Run by worker-processes.test.ts as a process of its own.
import cluster from 'node:cluster';
import { createLogger } from '@paperboy/logger';
import { runWorkerCluster } from '../src/worker-cluster';

if (cluster.isPrimary) {
  // A loaded machine may take seconds to load a child: every death here counts as one at start.
  runWorkerCluster({ processes: 1, logger: createLogger({ level: 'info', name: 'worker' }), minUptimeMs: 60_000 });
} else {
  process.exit(3);
}
