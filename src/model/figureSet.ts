/** The full list of figures for a set of meshes and a selection: what `meshtax queries` prints and the report runs. */
import { CATALOGUE, type MeshDef } from './catalogue';
import { DEFAULT_PRICING } from './pricing';
import {
  costExpr,
  idleCostTotalExpr,
  latencyExpr,
  nativeSidecarNames,
  nodesReservedExpr,
  perPodExpr,
  podCountExpr,
  requestExpr,
  resourceExpr,
  roleMatchers,
  sideQuantileExpr,
  toFigure,
  trafficExpr,
  type Figure,
  type FigureOptions,
} from './figures';
import type { Expr } from './promql/ast';
import { div, num } from './promql/dsl';
import type { Selection } from './scope';

/** The defaults every generated artefact starts from: flat article pricing, reporter-delta p99, 1 rps idle threshold. */
export const DEFAULT_FIGURE_OPTIONS: FigureOptions = {
  pricing: DEFAULT_PRICING,
  latency: { method: 'reporter-delta', quantile: 0.99 },
  idleRps: 1,
  meshes: CATALOGUE,
};

export function clusterFigures(s: Selection, o: FigureOptions): Figure[] {
  const natives = nativeSidecarNames(o.meshes);
  return [
    toFigure('cluster.cpuCores', 'Cluster CPU used', 'cores', resourceExpr('cpu', [], s)),
    toFigure('cluster.memoryBytes', 'Cluster memory working set', 'bytes', resourceExpr('memory', [], s)),
    toFigure('cluster.cpuRequestCores', 'Cluster CPU requested', 'cores', requestExpr('cpu', [], s, natives)),
    toFigure('cluster.memoryRequestBytes', 'Cluster memory requested', 'bytes', requestExpr('memory', [], s, natives)),
  ];
}

export function meshFigures(mesh: MeshDef, s: Selection, o: FigureOptions): Figure[] {
  const out: Figure[] = [];
  const id = (k: string) => `${mesh.id}.${k}`;
  const add = (k: string, title: string, unit: Figure['unit'], e: Expr | undefined) => {
    if (e) {
      out.push(toFigure(id(k), `${mesh.name}: ${title}`, unit, e));
    }
  };
  const natives = nativeSidecarNames(o.meshes);
  const dp = roleMatchers(mesh, 'dataPlane');
  if (dp) {
    const dpNatives = mesh.nativeSidecarContainers ?? [];
    const cpu = resourceExpr('cpu', dp, s);
    const mem = resourceExpr('memory', dp, s);
    add('sidecars.pods', 'pods with a proxy', 'pods', podCountExpr(dp, s));
    add('sidecars.cpuCores', 'proxy CPU', 'cores', cpu);
    add('sidecars.memoryBytes', 'proxy memory', 'bytes', mem);
    add('sidecars.cpuShare', 'proxy share of cluster CPU', 'percentunit', div(cpu, resourceExpr('cpu', [], s)));
    add(
      'sidecars.memoryShare',
      'proxy share of cluster memory',
      'percentunit',
      div(mem, resourceExpr('memory', [], s))
    );
    add('sidecars.cpuPerPodAvg', 'proxy CPU per pod (avg)', 'cores', perPodExpr('avg', 'cpu', dp, s));
    add('sidecars.cpuPerPodMax', 'proxy CPU per pod (max)', 'cores', perPodExpr('max', 'cpu', dp, s));
    add('sidecars.memoryPerPodAvg', 'proxy memory per pod (avg)', 'bytes', perPodExpr('avg', 'memory', dp, s));
    add('sidecars.memoryPerPodMax', 'proxy memory per pod (max)', 'bytes', perPodExpr('max', 'memory', dp, s));
    const reqCpu = requestExpr('cpu', dp, s, dpNatives);
    const reqMem = requestExpr('memory', dp, s, dpNatives);
    add('sidecars.cpuRequestCores', 'proxy CPU requested', 'cores', reqCpu);
    add('sidecars.memoryRequestBytes', 'proxy memory requested', 'bytes', reqMem);
    add(
      'sidecars.cpuRequestShare',
      'proxy share of requested CPU',
      'percentunit',
      div(reqCpu, requestExpr('cpu', [], s, natives))
    );
    add(
      'sidecars.memoryRequestShare',
      'proxy share of requested memory',
      'percentunit',
      div(reqMem, requestExpr('memory', [], s, natives))
    );
    add(
      'sidecars.nodesReservedCpu',
      "nodes' worth of CPU reserved by proxies",
      'nodes',
      nodesReservedExpr('cpu', dp, s, dpNatives)
    );
    add(
      'sidecars.nodesReservedMemory',
      "nodes' worth of memory reserved by proxies",
      'nodes',
      nodesReservedExpr('memory', dp, s, dpNatives)
    );
    const rps = trafficExpr(mesh, s);
    add('traffic.rps', 'requests served', 'reqps', rps);
    add(
      'sidecars.vcpuPer1kRps',
      'proxy vCPU per 1000 rps',
      'vcpuPer1kRps',
      rps ? div(cpu, div(rps, num(1000))) : undefined
    );
    add('cost.sidecars', 'proxy cost per month', 'currencyUSD', costExpr(mesh, ['dataPlane'], s, o.pricing));
    add(
      'cost.idleSidecars',
      `proxies on idle workloads (< ${o.idleRps} rps), cost per month`,
      'currencyUSD',
      idleCostTotalExpr(mesh, s, o.pricing, o.idleRps)
    );
  }
  const cp = roleMatchers(mesh, 'controlPlane');
  if (cp) {
    add('controlPlane.cpuCores', 'control-plane CPU', 'cores', resourceExpr('cpu', cp, s));
    add('controlPlane.memoryBytes', 'control-plane memory', 'bytes', resourceExpr('memory', cp, s));
    add(
      'cost.controlPlane',
      'control-plane cost per month',
      'currencyUSD',
      costExpr(mesh, ['controlPlane'], s, o.pricing)
    );
  }
  const na = roleMatchers(mesh, 'nodeAgents');
  if (na) {
    add('nodeAgents.pods', 'node-agent pods', 'pods', podCountExpr(na, s));
    add('nodeAgents.cpuCores', 'node-agent CPU', 'cores', resourceExpr('cpu', na, s));
    add('nodeAgents.memoryBytes', 'node-agent memory', 'bytes', resourceExpr('memory', na, s));
    add('cost.nodeAgents', 'node-agent cost per month', 'currencyUSD', costExpr(mesh, ['nodeAgents'], s, o.pricing));
  }
  add(
    'cost.total',
    'total cost per month',
    'currencyUSD',
    costExpr(mesh, ['dataPlane', 'controlPlane', 'nodeAgents'], s, o.pricing)
  );
  if (mesh.latency && (o.latency.method !== 'app-vs-mesh' || s.groupBy === 'workload')) {
    const q = Math.round(o.latency.quantile * 100);
    add(`latency.p${q}Added`, `p${q} latency added (${o.latency.method})`, 'ms', latencyExpr(mesh, o.latency, s));
    add(
      `latency.p${q}Client`,
      `p${q} latency seen by clients`,
      'ms',
      sideQuantileExpr(mesh, 'client', o.latency.quantile, s)
    );
    add(
      `latency.p${q}Server`,
      `p${q} latency seen by servers`,
      'ms',
      sideQuantileExpr(mesh, 'server', o.latency.quantile, s)
    );
  }
  return out;
}
