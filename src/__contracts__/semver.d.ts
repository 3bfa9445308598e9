// semver ships no types and @types/semver is not installed; the contract tests use this one function.
declare module 'semver' {
  export function validRange(range: string): string | null;
}
