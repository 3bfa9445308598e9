/**
 * Every value the demo emits, as a pure function of time. Counters start at EPOCH0 and never reset,
 * so backfilled history and the live exporter agree.
 */
import type { Container } from './types';

export const EPOCH0 = 1_700_000_000;
const CPU_PERIOD = 3600;
const CPU_SWING = 0.2;
const MEM_PERIOD = 1800;
const MEM_SWING = 0.05;
/** The pause container: tiny, but present on every pod, and easy to double-count. */
export const PAUSE = { cpuCores: 0.0002, memoryBytes: 480 * 1024 };
/** What the node's root cgroup spends outside pods (kubelet, runtime, kernel). */
export const NODE_SYSTEM = { cpuCores: 0.35, memoryBytes: 1.2 * 2 ** 30 };

/** CPU seconds consumed since EPOCH0: the integral of cores * (1 + swing * sin). */
export function cpuCounter(cores: number, phase: number, t: number): number {
  const w = (2 * Math.PI) / CPU_PERIOD;
  const p = 2 * Math.PI * phase;
  const dt = t - EPOCH0;
  return cores * dt + ((cores * CPU_SWING) / w) * (Math.cos(p) - Math.cos(w * dt + p));
}

/** What rate(counter[w]) returns at t when samples sit exactly on t and t-w: the window's average. */
export function cpuRate(cores: number, phase: number, t: number, windowSec: number): number {
  return (cpuCounter(cores, phase, t) - cpuCounter(cores, phase, t - windowSec)) / windowSec;
}

export function workingSet(bytes: number, phase: number, t: number): number {
  return Math.round(
    bytes * (1 + MEM_SWING * Math.sin((2 * Math.PI * (t - EPOCH0)) / MEM_PERIOD + 2 * Math.PI * phase))
  );
}

/** usage_bytes includes page cache, which the kernel can reclaim: the article's method counts it anyway. */
export function usageBytes(c: Pick<Container, 'memoryBytes' | 'phase' | 'role'>, t: number): number {
  const cache = c.role === 'app' ? 0.35 * c.memoryBytes + 24 * 2 ** 20 : 0.08 * c.memoryBytes;
  return workingSet(c.memoryBytes, c.phase, t) + Math.round(cache);
}

export function requestCounter(rps: number, t: number): number {
  return rps * (t - EPOCH0);
}

export const running = (c: Container) => !c.completedInit;
