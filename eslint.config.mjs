import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';
import meshtax from './eslint/modelBoundary.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  // The only type-aware rule (no-deprecated, a warning) needs a whole TypeScript program over @grafana/*'s types,
  // which made `npm run lint` slow enough to time out on a busy machine. It runs in `npm run lint:deprecated` instead,
  // over the plugin's own code (tsconfig.eslint.json: src without tests).
  process.env.MESHTAX_LINT_TYPES
    ? {
        files: ['src/**/*.{ts,tsx}'],
        ignores: ['src/**/*.test.{ts,tsx}', 'src/**/__int__/**'],
        languageOptions: { parserOptions: { project: './tsconfig.eslint.json' } },
      }
    : {
        files: ['src/**/*.{ts,tsx}'],
        languageOptions: { parserOptions: { project: null } },
        rules: { '@typescript-eslint/no-deprecated': 'off' },
      },
  // House additions (STYLE.md 17): type-only imports stay type-only; plugin code logs nothing to the console.
  {
    files: [
      'src/**/*.{ts,tsx}',
      'cli/**/*.ts',
      'demo/**/*.ts',
      'tests/**/*.{ts,tsx}',
      'bench/**/*.ts',
      'scripts/**/*.ts',
    ],
    // No type information needed here: a whole-program parse of cli/demo/tests/bench/scripts made lint slow.
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/__int__/**'],
    // Label values and messages render as React text; nothing injects HTML (issue #9).
    rules: { 'no-console': 'error', 'react/no-danger': 'error' },
  },
  // The model stays pure (issue #15, STYLE.md 25): the app, the panels, the CLI and the tests import src/model, never the
  // other way round, so it runs the same in Node (CLI, generators) as in the browser. Packages: no React or Grafana UI
  // runtime (@grafana/schema, types only, stays allowed); paths: nothing outside src/model (eslint/modelBoundary.mjs).
  // Tests under src/model may also import their helpers from src/testing and the generators they check against
  // (demo/, bench/, scripts/), never app or panel code.
  {
    files: ['src/model/**/*.{ts,tsx}'],
    plugins: { meshtax },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // 'moment' is the Grafana base config's own entry: this list replaces it, so it is repeated.
          paths: ['moment'],
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-router', 'react-router-dom', '@emotion/*'],
              message: 'src/model is pure TypeScript: no React (the app and the panels render its figures).',
            },
            {
              group: ['@grafana/runtime', '@grafana/runtime/*', '@grafana/ui', '@grafana/ui/*'],
              message: 'src/model runs in the CLI too: no Grafana runtime or UI (pass what it needs in as data).',
            },
            {
              group: ['@grafana/scenes', '@grafana/scenes/*', '@grafana/scenes-react'],
              message: 'src/model builds queries and figures; scenes live in src/features and src/shared/scenes.',
            },
          ],
        },
      ],
      'meshtax/model-boundary': 'error',
    },
  },
  {
    files: ['src/model/**/*.test.{ts,tsx}', 'src/model/**/__int__/**'],
    rules: { 'meshtax/model-boundary': ['error', { allow: ['src/testing', 'demo', 'bench', 'scripts'] }] },
  },
]);
