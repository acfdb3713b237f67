// Several worker processes (node:cluster, WORKER_PROCESSES): each child keeps its own registry
// and answers the primary's requests for it over IPC; the primary serves one /metrics over all of
// them, merged by prom-client's AggregatorRegistry.aggregate (counters and histograms summed, a
// gauge by its `aggregator`, see metrics-registry.ts), so children never bind METRICS_PORT.
// The request/answer is ours, not AggregatorRegistry.clusterMetrics(): that asks every connected
// child, including one still loading (a replacement), whose answer never comes, so the scrape
// would wait its 5 s and fail; the primary here asks only the children that said they listen.
import type { Worker } from 'node:cluster';
import { AggregatorRegistry, type PrometheusContentType, type Registry } from 'prom-client';
import type { MetricsSource } from './metrics-server';

interface MetricsRequest {
  paperboy: 'metrics?';
  id: number;
}
/** One registry's series, as getMetricsAsJSON() returns them. */
type Series = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

interface MetricsAnswer {
  paperboy: 'metrics';
  id: number;
  metrics?: Series;
  error?: string;
}

/** In a cluster child: answer the primary's metric requests with this registry. */
export function answerMetricsRequests(registry: Registry): void {
  process.on('message', (message: Partial<MetricsRequest> | null) => {
    if (message?.paperboy !== 'metrics?' || typeof message.id !== 'number') return;
    const id = message.id;
    registry.getMetricsAsJSON().then(
      (metrics) => process.send?.({ paperboy: 'metrics', id, metrics } satisfies MetricsAnswer),
      (error: Error) => process.send?.({ paperboy: 'metrics', id, error: error.message } satisfies MetricsAnswer),
    );
  });
}

function ask(child: Worker, id: number, timeoutMs: number): Promise<Series> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: Partial<MetricsAnswer> | null) => {
      if (message?.paperboy !== 'metrics' || message.id !== id) return;
      done();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.metrics ?? []);
    };
    // A child that dies during the scrape is left out (its replacement starts from zero anyway).
    const onExit = () => {
      done();
      resolve([]);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`worker process ${child.process.pid} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ paperboy: 'metrics?', id } satisfies MetricsRequest);
  });
}

/** In the primary: every scrape asks each of `children()` for its series and merges them. */
export function clusterMetricsSource(children: () => Iterable<Worker>, timeoutMs = 5_000): MetricsSource {
  let next = 0;
  return {
    contentType: AggregatorRegistry.PROMETHEUS_CONTENT_TYPE,
    async metrics() {
      const id = next++;
      const asked = [...children()].filter((child) => child.isConnected());
      const answers = await Promise.all(asked.map((child) => ask(child, id, timeoutMs)));
      return AggregatorRegistry.aggregate<PrometheusContentType>(answers).metrics();
    },
  };
}

/** What the primary serves for these children's registries (the same merge, for tests). */
export async function aggregateRegistries(registries: Registry[]): Promise<string> {
  const all = await Promise.all(registries.map((r) => r.getMetricsAsJSON()));
  return AggregatorRegistry.aggregate<PrometheusContentType>(all).metrics();
}
