import React, { useMemo } from 'react';
import { ClipboardButton, LinkButton, Stack } from '@grafana/ui';
import { PanelActions } from '../../components/FigureActions/FigureActions';
import { builderRuleYaml } from '../../model/builder/recordingRule';
import type { MeshDef } from '../../model/catalogue';
import { figurePanel } from '../../model/dashboards';
import type { Figure } from '../../model/figures';
import type { LatencyOptions } from '../../model/latency';
import type { Grouping } from '../../model/scope';
import { exploreUrl } from '../../utils/utils.explore';
import { alertUrl } from '../../utils/utils.routing';

const ruleName = (yaml: string) => /record: (\S+)/.exec(yaml)?.[1] ?? '';

interface Props {
  figure: Figure;
  mesh: MeshDef;
  groupBy: Grouping;
  latency: LatencyOptions;
  datasourceUid?: string;
  timeSec: number;
}

export function Actions({ figure, mesh, groupBy, latency, datasourceUid, timeSec }: Props) {
  const ruleYaml = useMemo(() => builderRuleYaml(mesh, figure, groupBy, latency), [mesh, figure, groupBy, latency]);
  return (
    <Stack direction="column" gap={1}>
      <Stack direction="row" gap={1} wrap="wrap">
        {datasourceUid && (
          <LinkButton
            size="sm"
            variant="secondary"
            icon="compass"
            href={exploreUrl(datasourceUid, figure.expr, timeSec)}
          >
            Open in Explore
          </LinkButton>
        )}
        {datasourceUid && (
          <LinkButton size="sm" variant="secondary" icon="bell" href={alertUrl(figure.id, datasourceUid)}>
            Create alert
          </LinkButton>
        )}
        <ClipboardButton size="sm" variant="secondary" icon="copy" getText={() => ruleYaml}>
          Copy as recording rule
        </ClipboardButton>
        {datasourceUid && <PanelActions title={figure.title} buildPanel={() => figurePanel(figure, datasourceUid)} />}
      </Stack>
      <details>
        <summary>Recording rule {ruleName(ruleYaml)}</summary>
        <pre aria-label="Recording rule">{ruleYaml}</pre>
      </details>
    </Stack>
  );
}
