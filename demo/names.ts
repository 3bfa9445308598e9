/** Deterministic Kubernetes-style names, so every run of a preset yields the same series. */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'; // the alphabet Kubernetes uses for generated suffixes

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function suffix(seed: string, length: number): string {
  let h = fnv1a(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += ALPHABET[h % ALPHABET.length];
    h = fnv1a(`${seed}:${i}:${h}`);
  }
  return out;
}

/** A stable fraction in [0, 1) for phases and jitter. */
export function unit(seed: string): number {
  return fnv1a(seed) / 2 ** 32;
}

export function uid(seed: string): string {
  const hex = (s: string) => fnv1a(s).toString(16).padStart(8, '0');
  const a = hex(seed) + hex(seed + 'b') + hex(seed + 'c') + hex(seed + 'd');
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-${a.slice(12, 16)}-${a.slice(16, 20)}-${a.slice(20, 32)}`;
}

/** A suffix of digits only, e.g. a ReplicaSet hash that happens to be all digits. */
export function digits(seed: string, length: number): string {
  let h = fnv1a(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += String(h % 10);
    h = fnv1a(`${seed}:${i}:${h}`);
  }
  return out;
}
