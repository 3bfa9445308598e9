import React from 'react';
import { LinkButton, Stack } from '@grafana/ui';
import { CATALOGUE, type MeshDef } from '../../model/catalogue';
import { CONFIG_URL } from '../../utils/utils.routing';

/** What detection looks for, for one mesh: its proxy containers or pods and its node agents. */
export function lookedFor(m: MeshDef): string {
  return [
    m.dataPlane?.container && `proxy container ${m.dataPlane.container}`,
    m.dataPlane?.pod && `pods ${m.dataPlane.pod}`,
    m.nodeAgents && `node agents ${m.nodeAgents.container ?? m.nodeAgents.pod}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** What detection looked for, from the catalogue itself, and the way to a custom proxy in the configuration. */
export function NoMeshDetails() {
  return (
    <Stack direction="column" gap={1} alignItems="flex-start">
      <div>
        Mesh Tax looked in container_memory_working_set_bytes (cAdvisor) for these and found none at this time:
        <ul>
          {CATALOGUE.map((m) => (
            <li key={m.id}>
              {m.name}: {lookedFor(m)}
            </li>
          ))}
        </ul>
        If your proxy has another name, add it as a custom proxy container in the configuration. If cAdvisor is not
        scraped, no figure can be computed.
      </div>
      <LinkButton href={CONFIG_URL} icon="cog" variant="primary">
        Open the configuration
      </LinkButton>
    </Stack>
  );
}

/** The meshes of the catalogue that were looked for and are not running: one quiet line, not a card each. */
export function NotDetected({ present }: { present: string[] }) {
  const absent = CATALOGUE.filter((m) => !present.includes(m.id));
  if (absent.length === 0) {
    return null;
  }
  return (
    <details data-testid="meshtax-not-detected">
      <summary>Not detected: {absent.map((m) => m.name).join(', ')}</summary>
      <ul>
        {absent.map((m) => (
          <li key={m.id}>
            {m.name}: looked for {lookedFor(m)}
          </li>
        ))}
      </ul>
    </details>
  );
}
