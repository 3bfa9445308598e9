/**
 * The benchmark table's columns as keys of the figure table (latency at p99), shared by the app's table, the
 * comparison panel and the dashboards that feed it (query refIds are `<mesh id>.<column>`).
 */
import type { MeshFigureKey } from './figureKeys';

export const COMPARISON_FIGURES: Record<string, MeshFigureKey> = {
  pods: 'sidecars.pods',
  // Not columns: agentPods tells a sidecar-less mesh is present; controlPlaneCost lets a shared istiod be billed once.
  agentPods: 'nodeAgents.pods',
  controlPlaneCost: 'cost.controlPlane',
  p99Added: 'latency.pNAdded',
  // Not columns: the ends of the p99 added's interval, written under its value (issue #18).
  p99AddedLower: 'latency.pNAddedLower',
  p99AddedUpper: 'latency.pNAddedUpper',
  controlPlaneCpu: 'controlPlane.cpuCores',
  controlPlaneMemory: 'controlPlane.memoryBytes',
  sidecarMemoryPerPod: 'sidecars.memoryPerPodAvg',
  monthlyCost: 'cost.total',
  cpuShare: 'sidecars.cpuShare',
  // The article's own columns for what the mesh does (issue #17).
  mtlsShare: 'value.mtlsShare',
  splitServices: 'value.splitServices',
  resilienceEvents: 'value.resilienceEvents',
};

export function comparisonRefId(meshId: string, column: string): string {
  return `${meshId}.${column}`;
}

export function parseComparisonRefId(refId: string): { meshId: string; column: string } | undefined {
  const i = refId.lastIndexOf('.');
  if (i <= 0) {
    return undefined;
  }
  const column = refId.slice(i + 1);
  return column in COMPARISON_FIGURES ? { meshId: refId.slice(0, i), column } : undefined;
}
