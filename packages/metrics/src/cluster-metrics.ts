// Several worker processes (node:cluster, WORKER_PROCESSES): each child keeps its own registry
// and answers the primary's requests for it over IPC; the primary serves one /metrics over all of
// them (prom-client's AggregatorRegistry: counters and histograms summed, a gauge by its
// `aggregator`, see metrics-registry.ts), so children never bind METRICS_PORT themselves.
import { AggregatorRegistry, type PrometheusContentType, type Registry } from 'prom-client';
import type { MetricsSource } from './metrics-server';

/** In a cluster child: answer the primary's metric requests with this registry. */
export function shareMetricsWithPrimary(registry: Registry): void {
  // The constructor installs the child's IPC listener (setRegistries alone does not).
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

/** In the primary: every scrape asks each live child for its series (5 s at most) and merges them. */
export function clusterMetricsSource(): MetricsSource {
  const aggregator = new AggregatorRegistry<PrometheusContentType>();
  return { metrics: () => aggregator.clusterMetrics(), contentType: aggregator.contentType };
}

/** What the primary would serve for these children's registries (tests; the same merge). */
export async function aggregateRegistries(registries: Registry[]): Promise<string> {
  const all = await Promise.all(registries.map((r) => r.getMetricsAsJSON()));
  return AggregatorRegistry.aggregate(all).metrics();
}
