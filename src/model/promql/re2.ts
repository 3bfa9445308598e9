/**
 * Does Prometheus accept this regex? A syntax check that follows Go's regexp/syntax parser (Perl flags, as
 * Prometheus's labels.NewFastRegexMatcher parses a matcher's value), written from Go's src/regexp/syntax/parse.go.
 * JavaScript's RegExp is the wrong judge both ways: it refuses `(?i)` and `(?P<n>…)`, which RE2 takes, and takes `\i`,
 * `a{1001}` and backreferences, which RE2 refuses. Only syntax is checked; Go's size limits (ErrLarge, nesting depth
 * over 1000) are left out: no value a person types reaches them. The table in re2.int.test.ts asks a real Prometheus.
 */

/** A repetition x{min,max} and the repetitions nested in it: RE2 caps the product of the counts at 1000. */
interface Rep {
  min: number;
  max: number;
  subs: Rep[];
}
type Item = { kind: 'atom'; reps: Rep[] } | { kind: 'lparen' } | { kind: 'bar' };

const MAX_REPEAT = 1000;
const POSIX = /^\[:\^?(alnum|alpha|ascii|blank|cntrl|digit|graph|lower|print|punct|space|upper|word|xdigit):\]$/;
const PERL_CLASS = /^\\[dDsSwW]/;
/** Go's unicode.Scripts has long names only; these long names are also four letters, like the ISO codes. */
const FOUR_LETTER_SCRIPTS = new Set(['Cham', 'Lisu', 'Modi', 'Newa', 'Thai', 'Toto']);

class Re2Error extends Error {}
const fail = (code: string, expr: string): never => {
  throw new Re2Error(`${code}: \`${expr}\``);
};

function repeatIsValid(r: Rep, n: number): boolean {
  let m = r.max;
  if (m === 0) {
    return true;
  }
  if (m < 0) {
    m = r.min;
  }
  if (m > n) {
    return false;
  }
  const left = m > 0 ? Math.floor(n / m) : n;
  return r.subs.every((s) => repeatIsValid(s, left));
}

/** {n}, {n,} or {n,m}; undefined when it is not one (then `{` is a literal). Leading zeros are not numbers. */
function parseRepeat(t: string): { min: number; max: number; len: number } | undefined {
  const m = /^\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?\}/.exec(t);
  if (!m) {
    return undefined;
  }
  const num = (s: string) => (s.length > 8 ? -1 : Number(s)); // Go's parseInt gives up at 1e8
  const min = num(m[1]);
  const max = m[2] ? (m[3] === undefined ? -1 : num(m[3])) : min;
  return { min: m[2] && m[3] !== undefined && max < 0 ? -1 : min, max, len: m[0].length };
}

/** The length of a single-character escape at t (t starts with a backslash), or a thrown error. */
function escapeLength(t: string): number {
  if (t.length < 2) {
    fail('trailing backslash at end of expression', '');
  }
  const c = t[1];
  if (c.charCodeAt(0) < 0x80 && !/[0-9A-Za-z]/.test(c)) {
    return 2;
  }
  if (/[0-7]/.test(c)) {
    // \1-\7 alone would be a backreference; with more octal digits (or \0) it is an octal escape.
    const oct = /^[0-7]{1,3}/.exec(t.slice(1))![0];
    if (c !== '0' && oct.length === 1) {
      fail('invalid escape sequence', t.slice(0, 2));
    }
    return 1 + oct.length;
  }
  if (c === 'x') {
    const braced = /^\\x\{([0-9A-Fa-f]+)\}/.exec(t);
    if (braced && parseInt(braced[1], 16) <= 0x10ffff) {
      return braced[0].length;
    }
    if (/^\\x[0-9A-Fa-f]{2}/.test(t)) {
      return 4;
    }
    fail('invalid escape sequence', t.slice(0, 4));
  }
  if ('afnrtv'.includes(c)) {
    return 2;
  }
  return fail('invalid escape sequence', t.slice(0, 2));
}

/** \pL, \p{Greek}, \P{^Lu}: the length, or a thrown error for a name Go's unicode tables lack. */
function unicodeClassLength(t: string): number {
  let seq: string;
  let name: string;
  if (t[2] === '{') {
    const end = t.indexOf('}');
    if (end < 0) {
      fail('invalid character class range', t);
    }
    seq = t.slice(0, end + 1);
    name = t.slice(3, end);
  } else {
    seq = String.fromCodePoint(t.codePointAt(2) ?? 0);
    seq = t.slice(0, 2 + seq.length);
    name = seq.slice(2);
  }
  name = name.replace(/^\^/, '');
  if (name === '' || !(name === 'Any' || isCategory(name) || isScript(name))) {
    fail('invalid character class range', seq);
  }
  return seq.length;
}

function isProperty(expr: string): boolean {
  try {
    new RegExp(`\\p{${expr}}`, 'u');
    return true;
  } catch {
    return false;
  }
}
/** Go names categories by their short names only (L, Lu, Nd …), and older Go has no table for Cn (unassigned). */
const isCategory = (n: string) => /^[A-Z][a-z]?$/.test(n) && n !== 'Cn' && isProperty(`gc=${n}`);
const isScript = (n: string) =>
  /^[A-Z][A-Za-z_]+$/.test(n) && (!/^[A-Z][a-z]{3}$/.test(n) || FOUR_LETTER_SCRIPTS.has(n)) && isProperty(`sc=${n}`);

/** One character of a class (t non-empty): its code point and length. */
function classChar(t: string, whole: string): { cp: number; len: number } {
  if (t === '') {
    fail('missing closing ]', whole);
  }
  if (t[0] === '\\') {
    const len = escapeLength(t);
    return { cp: escapedCodePoint(t.slice(0, len)), len };
  }
  const cp = t.codePointAt(0)!;
  return { cp, len: cp > 0xffff ? 2 : 1 };
}

function escapedCodePoint(esc: string): number {
  const c = esc[1];
  if (/[0-7]/.test(c)) {
    return parseInt(esc.slice(1), 8);
  }
  if (c === 'x') {
    return parseInt(esc.replace(/^\\x\{?|\}$/g, ''), 16);
  }
  const named: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  return named[c] ?? c.codePointAt(0)!;
}

/** [ … ] at s: its length. */
function classLength(s: string): number {
  let t = s.slice(1);
  if (t.startsWith('^')) {
    t = t.slice(1);
  }
  let first = true; // ] is a literal as the first character
  while (t === '' || t[0] !== ']' || first) {
    first = false;
    if (t.startsWith('[:')) {
      const end = t.indexOf(':]', 2);
      if (end >= 0) {
        const name = t.slice(0, end + 2);
        if (!POSIX.test(name)) {
          fail('invalid character class range', name);
        }
        t = t.slice(name.length);
        continue;
      }
    }
    if (/^\\[pP]/.test(t)) {
      t = t.slice(unicodeClassLength(t));
      continue;
    }
    if (PERL_CLASS.test(t)) {
      t = t.slice(2);
      continue;
    }
    const lo = classChar(t, s);
    const range = t;
    t = t.slice(lo.len);
    if (t.length >= 2 && t[0] === '-' && t[1] !== ']') {
      const hi = classChar(t.slice(1), s);
      t = t.slice(1 + hi.len);
      if (hi.cp < lo.cp) {
        fail('invalid character class range', range.slice(0, range.length - t.length));
      }
    }
  }
  return s.length - t.length + 1;
}

/** (? … at s: the length of a flag group or group opener, and whether it opens a group. */
function perlFlags(s: string): { len: number; opens: boolean } {
  if (s.startsWith('(?P<')) {
    const end = s.indexOf('>');
    if (end < 0 || !/^[A-Za-z0-9_]+$/.test(s.slice(4, end))) {
      fail('invalid named capture', end < 0 ? s : s.slice(0, end + 1));
    }
    return { len: end + 1, opens: true };
  }
  // (?<name>…) needs Go 1.22; the Prometheus releases built with older Go refuse it, so it is refused here too.
  const m = /^\(\?(?:[imsU]*|[imsU]*-[imsU]+)([:)])/.exec(s);
  if (!m) {
    const bad = /^\(\?[imsU-]*.?/.exec(s)![0];
    fail('invalid or unsupported Perl syntax', bad);
  }
  return { len: m![0].length, opens: m![1] === ':' };
}

/** Collapses the atoms above the nearest ( or | into one. */
function concat(stack: Item[]): void {
  const reps: Rep[] = [];
  while (stack.length && stack[stack.length - 1].kind === 'atom') {
    reps.push(...(stack.pop() as { reps: Rep[] }).reps);
  }
  stack.push({ kind: 'atom', reps });
}

/** Collapses the alternatives above the nearest ( into one atom. */
function alternate(stack: Item[]): void {
  concat(stack);
  const reps: Rep[] = [];
  while (stack.length && stack[stack.length - 1].kind !== 'lparen') {
    const top = stack.pop()!;
    if (top.kind === 'atom') {
      reps.push(...top.reps);
    }
  }
  stack.push({ kind: 'atom', reps });
}

function parse(s: string): void {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) {
    fail('invalid UTF-8', s);
  }
  const stack: Item[] = [];
  const atom = () => stack.push({ kind: 'atom', reps: [] });
  let t = s;
  let lastRepeat = '';
  while (t !== '') {
    let repeat = '';
    const c = t[0];
    if (c === '(') {
      if (t[1] === '?') {
        const f = perlFlags(t);
        if (f.opens) {
          stack.push({ kind: 'lparen' });
        }
        t = t.slice(f.len);
      } else {
        stack.push({ kind: 'lparen' });
        t = t.slice(1);
      }
    } else if (c === '|') {
      concat(stack);
      stack.push({ kind: 'bar' });
      t = t.slice(1);
    } else if (c === ')') {
      alternate(stack);
      const inner = stack.pop() as { reps: Rep[] };
      if (stack.pop()?.kind !== 'lparen') {
        fail('unexpected )', s);
      }
      stack.push({ kind: 'atom', reps: inner.reps });
      t = t.slice(1);
    } else if (c === '[') {
      t = t.slice(classLength(t));
      atom();
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && parseRepeat(t))) {
      const r = c === '{' ? parseRepeat(t)! : undefined;
      if (r && (r.min < 0 || r.min > MAX_REPEAT || r.max > MAX_REPEAT || (r.max >= 0 && r.min > r.max))) {
        fail('invalid repeat count', t.slice(0, r.len));
      }
      let len = r ? r.len : 1;
      if (t[len] === '?') {
        len++; // non-greedy
      }
      if (lastRepeat) {
        fail('invalid nested repetition operator', lastRepeat + t.slice(0, len));
      }
      const top = stack[stack.length - 1];
      if (!top || top.kind !== 'atom') {
        fail('missing argument to repetition operator', t.slice(0, len));
      }
      const sub = stack.pop() as { reps: Rep[] };
      if (r) {
        const node: Rep = { min: r.min, max: r.max, subs: sub.reps };
        if ((r.min >= 2 || r.max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
          fail('invalid repeat count', t.slice(0, r.len));
        }
        stack.push({ kind: 'atom', reps: [node] });
      } else {
        stack.push(sub as Item);
      }
      repeat = t.slice(0, len);
      t = t.slice(len);
    } else if (c === '\\') {
      const d = t[1];
      if (d === 'C') {
        fail('invalid escape sequence', '\\C');
      } else if (d === 'Q') {
        const end = t.indexOf('\\E', 2);
        const lit = end < 0 ? t.slice(2) : t.slice(2, end);
        if (lit !== '') {
          atom();
        }
        t = end < 0 ? '' : t.slice(end + 2);
      } else if (d !== undefined && 'AbBz'.includes(d)) {
        atom();
        t = t.slice(2);
      } else if (d === 'p' || d === 'P') {
        t = t.slice(unicodeClassLength(t));
        atom();
      } else if (PERL_CLASS.test(t)) {
        atom();
        t = t.slice(2);
      } else {
        t = t.slice(escapeLength(t));
        atom();
      }
    } else {
      atom(); // a literal, or ^ $ . (and { that is not a repeat)
      t = t.slice(t.codePointAt(0)! > 0xffff ? 2 : 1);
    }
    lastRepeat = repeat;
  }
  alternate(stack);
  if (stack.length !== 1) {
    fail('missing closing )', s);
  }
}

/** Go's error text (`error parsing regexp: …` without the prefix) when RE2 refuses the regex, else undefined. */
export function re2SyntaxError(re: string): string | undefined {
  try {
    parse(re);
    return undefined;
  } catch (e) {
    if (e instanceof Re2Error) {
      return e.message;
    }
    throw e;
  }
}
