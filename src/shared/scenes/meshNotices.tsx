/** What a scenes page says about the Mesh variable's detection, instead of drawing empty panels (issue #16 §5). */
import React from 'react';
import { SceneReactObject } from '@grafana/scenes';
import { Alert, Stack, Text } from '@grafana/ui';
import { FigureBasis } from '../../components/FigureBasis/FigureBasis';
import { FigureSource } from '../../components/FigureSource/FigureSource';
import type { MeshDef } from '../../model/catalogue';
import type { FigureBasisInfo } from '../../model/figureBasis';
import type { UsageSource } from './usageSource';

/** What detection looks for, in the words of the catalogue entry: the proxy container or the node agents' pods. */
export function lookedFor(mesh: MeshDef): string {
  const parts = [
    mesh.dataPlane?.container ? `pods with a ${mesh.dataPlane.container} container` : undefined,
    mesh.nodeAgents?.pod ? `node-agent pods named ${mesh.nodeAgents.pod}` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' or ') : `${mesh.name} pods`;
}

export function NotDetected({ mesh }: { mesh: MeshDef }) {
  return (
    <Alert severity="info" title={`${mesh.name}: not detected`}>
      Mesh Tax looked for {lookedFor(mesh)} in the selected cluster and namespaces and found none in this time range.
      Choose a detected mesh in the Mesh list, or widen the cluster, namespaces or time range.
    </Alert>
  );
}

export function DetectionFailed({ message }: { message: string }) {
  return (
    <Alert severity="warning" title="Mesh detection failed: every mesh is listed">
      {message}
    </Alert>
  );
}

export const notDetectedScene = (mesh: MeshDef) => new SceneReactObject({ reactNode: <NotDetected mesh={mesh} /> });
export const detectionFailedScene = (message: string) =>
  new SceneReactObject({ reactNode: <DetectionFailed message={message} /> });
/**
 * The page's basis line, and which series its CPU and memory were read from (issue #19 §1): the badge, with the
 * probe's note as its tooltip and, in words, for whoever does not hover.
 */
export const basisScene = (basis: FigureBasisInfo, source?: UsageSource) =>
  new SceneReactObject({
    reactNode: (
      <Stack direction="column" gap={0}>
        <FigureBasis basis={basis} />
        {source && (
          <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
            <Text variant="bodySmall" color="secondary">
              Usage read from
            </Text>
            <FigureSource source={source.kind} note={source.note} />
          </Stack>
        )}
      </Stack>
    ),
  });
