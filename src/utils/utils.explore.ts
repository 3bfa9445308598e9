/** A link that opens a figure's PromQL in Grafana's Explore, on the same data source and time. */
import { urlUtil } from '@grafana/data';

export function exploreUrl(datasourceUid: string, expr: string, timeSec: number): string {
  const pane = {
    datasource: datasourceUid,
    queries: [{ refId: 'A', expr, datasource: { type: 'prometheus', uid: datasourceUid } }],
    range: { from: String((timeSec - 3600) * 1000), to: String(timeSec * 1000) },
  };
  return urlUtil.renderUrl('/explore', { schemaVersion: 1, panes: JSON.stringify({ meshtax: pane }), orgId: 1 });
}
