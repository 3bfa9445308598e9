/**
 * A small typed PromQL AST. Every query the product ships is built from these nodes and rendered by
 * render.ts: nothing concatenates PromQL strings, so every label value passes through one escaper.
 */
export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  label: string;
  op: MatchOp;
  value: string;
}

export type AggOp = 'sum' | 'avg' | 'max' | 'min' | 'count' | 'group' | 'topk' | 'bottomk';
export type BinOp = '+' | '-' | '*' | '/' | '>' | '<' | '>=' | '<=' | '==' | 'and' | 'or' | 'unless';

export interface VectorMatching {
  on?: string[];
  ignoring?: string[];
  groupLeft?: string[];
  groupRight?: string[];
}

export type Expr =
  | {
      kind: 'selector';
      metric: string;
      matchers: Matcher[];
      range?: string;
      offset?: string;
      /**
       * A second, regex matcher on `__name__` (written `{__name__="metric", __name__=~"gate"}`): a dashboard
       * variable in it lets one query read either of two metrics at run time (see source/gate.ts).
       */
      nameGate?: string;
    }
  | { kind: 'call'; fn: string; args: Expr[] }
  | { kind: 'agg'; op: AggOp; expr: Expr; by?: string[]; param?: Expr }
  | { kind: 'binary'; op: BinOp; lhs: Expr; rhs: Expr; matching?: VectorMatching; bool?: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'subquery'; expr: Expr; range: string; step?: string };
