// Jest across the workspace: one project per package, TypeScript through @swc/jest.
const path = require('node:path')

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
]
// ESM-only packages pulled in by @fastify/swagger-ui and light-my-request; jose (tests verify as a third party would).
const esmDeps = '/node_modules/(?!(\\.pnpm/)?(content-disposition|cookie|@faker-js\\+faker|@faker-js\\/faker|jose)[@/])'

const project = (name, extra = {}) => ({
  displayName: name,
  rootDir: path.join(__dirname, name),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: [esmDeps],
  ...extra,
})

module.exports = {
  rootDir: __dirname,
  // A generous ceiling, not a measurement: on a loaded 2-core CI machine property tests take seconds. (Jest reads
  // testTimeout from the global config only: inside a project it was ignored and the 5 s default applied.)
  testTimeout: 60_000,
  projects: [
    project('shared'),
    project('bff'),
    project('departments'),
    project('miniapp'),
    // Cross-package: contract parity and e2e in Chromium (slower: a browser starts).
    { ...project('tests'), testMatch: ['<rootDir>/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/'] },
  ],
}
