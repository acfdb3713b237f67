// Records every response's latency under its route *pattern* (`/admin/queues/*`, `/confirm/:token`)
// rather than its raw path, so URLs with tokens neither leak into metrics nor explode cardinality.
import type { RequestHandler } from 'express';
import type { Metrics } from '@paperboy/metrics';

export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path
        ? `${req.baseUrl}${String(req.route.path)}`
        : ((res.locals.metricsRoute as string | undefined) ?? 'unmatched');
      stop({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}
