// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

// Unit tests only: the real-Prometheus integration tests (*.int.test.ts) have their own config.
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$'],
  roots: ['<rootDir>/src', '<rootDir>/demo', '<rootDir>/cli', '<rootDir>/scripts'],
  testMatch: ['<rootDir>/{src,demo,cli,scripts}/**/*.test.{ts,tsx}'],
  // Page tests render @grafana/ui forms; on 2 shared cores the first render alone can pass jest's 5 s default.
  // This is a hang guard, not a speed check (speed lives in `npm run bench`).
  testTimeout: 60000,
  // jsdom would resolve the yaml package to its browser build (untransformed ESM); its CommonJS build is the same code.
  moduleNameMapper: { ...base.moduleNameMapper, '^yaml$': '<rootDir>/node_modules/yaml/dist/index.js' },
  // d3-color and friends ship .mjs files that jest must transform too.
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'],
  },
};
