/**
 * Test-only model of what Grafana does to a string field of a provisioning file before using it
 * (pkg/services/provisioning/values/values.go, interpolateValue): split on "$$" (its literal dollar), expand
 * `$__env{NAME}` (pkg/setting ExpandVar; other providers are not used by our files) and then environment variables
 * with Go's os.ExpandEnv rules, and join the parts with "$". Written from the Go source; no Grafana code is copied.
 */
const SPECIAL = /[*#$@!?\-0-9]/;
const ALNUM = /[A-Za-z0-9_]/;

/** Go's os.Expand name scan (os/env.go getShellName): the variable name after "$", and how many characters it took. */
function shellName(s: string): { name: string; width: number } {
  if (s[0] === '{') {
    if (s.length > 2 && SPECIAL.test(s[1]) && s[2] === '}') {
      return { name: s[1], width: 3 };
    }
    const close = s.indexOf('}', 1);
    if (close === 1) {
      return { name: '', width: 2 };
    }
    return close < 0 ? { name: '', width: 1 } : { name: s.slice(1, close), width: close + 1 };
  }
  if (SPECIAL.test(s[0])) {
    return { name: s[0], width: 1 };
  }
  let i = 0;
  while (i < s.length && ALNUM.test(s[i])) {
    i++;
  }
  return { name: s.slice(0, i), width: i };
}

/** Go's os.Expand: "$" followed by no name is kept; bad brace syntax is eaten; unset variables become "". */
export function goExpandEnv(s: string, env: Record<string, string>): string {
  let out = '';
  let i = 0;
  for (let j = 0; j < s.length; j++) {
    if (s[j] === '$' && j + 1 < s.length) {
      out += s.slice(i, j);
      const { name, width } = shellName(s.slice(j + 1));
      if (name === '' && width === 0) {
        out += '$';
      } else if (name !== '') {
        out += env[name] ?? '';
      }
      j += width;
      i = j + 1;
    }
  }
  return out + s.slice(i);
}

export function grafanaInterpolate(value: string, env: Record<string, string> = {}): string {
  return value
    .split('$$')
    .map((part) =>
      goExpandEnv(
        part.replace(/\$__env\{(.*?)\}/g, (_, name: string) => env[name] ?? ''),
        env
      )
    )
    .join('$');
}
