import React from 'react';
import { CATALOGUE } from '../../model/catalogue';

/** What detection looked for, from the catalogue itself: the proxy containers and node agents of every mesh. */
export function NoMeshDetails() {
  return (
    <>
      Mesh Tax looked in container_memory_working_set_bytes (cAdvisor) for these and found none at this time:
      <ul>
        {CATALOGUE.map((m) => (
          <li key={m.id}>
            {m.name}:{' '}
            {[
              m.dataPlane?.container && `proxy container ${m.dataPlane.container}`,
              m.dataPlane?.pod && `pods ${m.dataPlane.pod}`,
              m.nodeAgents && `node agents ${m.nodeAgents.container ?? m.nodeAgents.pod}`,
            ]
              .filter(Boolean)
              .join(', ')}
          </li>
        ))}
      </ul>
      If your proxy has another name, add it as a custom proxy container in the configuration. If cAdvisor is not
      scraped, no figure can be computed.
    </>
  );
}
