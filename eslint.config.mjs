import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

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
]);
