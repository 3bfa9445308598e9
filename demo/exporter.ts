/**
 * Live /metrics exporter for the demo stack: the same series as the backfill, evaluated at "now",
 * in the Prometheus text format. Counters continue the backfilled history without a reset.
 */
import { createServer, type Server } from 'node:http';
import { expandCluster } from './cluster';
import { seriesKey, allSeries } from './series';
import type { ClusterSpec } from './types';

export function startExporter(spec: ClusterSpec, port: number, host = '0.0.0.0'): Server {
  const series = allSeries(expandCluster(spec)).map((s) => ({ ...s, key: seriesKey(s) }));
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/plain' });
      res.end(req.url === '/' ? `mesh tax demo exporter (${spec.preset}): see /metrics\n` : 'not found\n');
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    let buf = '';
    for (const s of series.filter((x) => (x.from ?? now) <= now && now <= (x.until ?? now))) {
      buf += `${s.key} ${s.value(now)}\n`;
      if (buf.length > 1 << 20) {
        res.write(buf);
        buf = '';
      }
    }
    res.end(buf);
  });
  server.listen(port, host);
  return server;
}
