import React from 'react';
import { Stack, Text } from '@grafana/ui';
import { metricNotes, type BuilderFigure } from '../../model/builder/catalogue';
import type { MeshDef } from '../../model/catalogue';

/** What the figure measures, which metrics it reads (from its query) and what it cannot see. */
export function Explanation({ spec, mesh, metrics }: { spec: BuilderFigure; mesh?: MeshDef; metrics: string[] }) {
  const notes = [...spec.cannotSee, ...metricNotes(new Set(metrics)), ...(mesh?.notes ? [mesh.notes] : [])];
  return (
    <Stack direction="column" gap={1}>
      <Text element="h3" variant="h5">
        What it measures
      </Text>
      <Text>{spec.measures}</Text>
      {metrics.length > 0 && (
        <>
          <Text element="h3" variant="h5">
            Metrics it needs
          </Text>
          <ul aria-label="Metrics it needs">
            {metrics.map((m) => (
              <li key={m}>
                <code>{m}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <Text element="h3" variant="h5">
        What it can’t see
      </Text>
      <ul aria-label="What it can’t see">
        {notes.map((n) => (
          <li key={n}>
            <Text variant="bodySmall">{n}</Text>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
