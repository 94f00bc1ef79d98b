// Jest across the workspace: one project per package, TypeScript through @swc/jest (jest.base.js).
const path = require('node:path')
const { transforms, testTimeout, setupFiles } = require('./jest.base')

const project = (name, extra = {}) => ({
  displayName: name,
  rootDir: path.join(__dirname, name),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  ...transforms,
  ...extra,
  // Every project runs the shared setup first, and then its own (if it has one).
  setupFiles: [...setupFiles, ...(extra.setupFiles ?? [])],
})

module.exports = {
  rootDir: __dirname,
  testTimeout,
  projects: [
    project('shared'),
    project('bff'),
    project('departments'),
    // Hook tests run in jsdom (per file): it lacks the text codecs both builds have; components' stylesheets are stubs.
    project('miniapp', {
      setupFiles: ['<rootDir>/test/jsdom-globals.ts'],
      moduleNameMapper: { '\\.s?css$': '<rootDir>/test/style-stub.ts' },
    }),
    // Cross-package: contract parity and e2e in Chromium (slower: a browser starts).
    { ...project('tests'), testMatch: ['<rootDir>/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/'] },
  ],
}
