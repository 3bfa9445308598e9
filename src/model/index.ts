/** The pure overhead model: no React, no @grafana/runtime. Shared by the app, the panels and the CLI. */
export * from './catalogue';
export * from './figures';
export * from './figureSet';
export * from './latency';
export * from './pricing';
export * from './resources';
export * from './scope';
export { render } from './promql/render';
export { QueryInputError, assertRegex, durationSeconds } from './promql/escape';
export type { Expr } from './promql/ast';
