/**
 * The arithmetic of a workload's traffic mix (TrafficMix): how a canary splits its requests over pods, and which
 * share of the served requests the load generator sends (the rest comes from an unmeshed client). Shared by the
 * cluster expansion, the series and the ground truth, so all three split requests the same way.
 */
import type { ResponseFlag, TrafficMix, WorkloadSpec } from './types';

/** Pod i of n's share of its workload's requests: a canary's last pod gets `share`, the others split the rest. */
export function podShare(w: Pick<WorkloadSpec, 'mix'>, i: number, n: number): number {
  const canary = w.mix?.canary;
  if (!canary || n < 2) {
    return 1 / n;
  }
  return i === n - 1 ? canary.share : (1 - canary.share) / (n - 1);
}

/** The version label of pod i of n. */
export function podVersion(w: Pick<WorkloadSpec, 'mix'>, i: number, n: number): string {
  const canary = w.mix?.canary;
  return canary && n >= 2 && i === n - 1 ? canary.version : 'v1';
}

/** Share of served requests that come from the meshed load generator, over mutual TLS. */
export const mtlsShareOf = (mix: TrafficMix | undefined): number => 1 - (mix?.plaintextShare ?? 0);

export const flagShare = (mix: TrafficMix | undefined, f: ResponseFlag): number => mix?.flags?.[f] ?? 0;

/** Flags the caller's proxy sets (the request may never reach the server); RL is set by the server's proxy. */
export const CALLER_FLAGS: ResponseFlag[] = ['UO', 'URX', 'UT'];

/**
 * What the load generator sends to a workload serving `rps`: the mTLS part of it, plus the requests its own proxy
 * turns away with UO (they never reach the server, so the server still serves exactly its mTLS share).
 */
export function callRps(rps: number, mix: TrafficMix | undefined): number {
  return (rps * mtlsShareOf(mix)) / (1 - flagShare(mix, 'UO'));
}

/** The HTTP status each flag ends in, as Envoy answers it. */
export const FLAG_STATUS: Record<ResponseFlag, string> = { UO: '503', URX: '503', UT: '504', RL: '429' };
