// ESLint for the workspace: typescript-eslint's recommended rules plus the project's layering rules.
import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

/** An import the BFF's layering forbids, for no-restricted-imports (relative specifiers, as the code writes them). */
const forbid = (regex, message) => ({ regex, message })
const CAPABILITY_ENTRY = forbid(
  '^\\.\\./(?!platform/)[^/]+/.+',
  'A capability uses another only through its public entry: import "../<capability>" (its index.ts), or platform/.',
)
const COMPOSITION = forbid('^\\.\\./(app|store|server)$', 'Only the composition root builds the app and the store.')
const PERSISTENCE = forbid(
  '-repository$|/tables$|^\\.\\./(\\.\\./)?db$|^drizzle-orm|^better-sqlite3$',
  'no database here',
)

/** Test files of every package */
const TESTS = ['tests/**/*.{ts,tsx}', '*/test/**/*.{ts,tsx}']
/**
 * What a test may not do (no-restricted-syntax): wait on the real clock or measure it. A test moves the system's
 * controllable clock (TestSystem.advance, testClock) or jest's fake timers, and never asserts how long something took.
 */
const NO_REAL_TIME = [
  {
    selector: 'CallExpression[callee.name=/^(setTimeout|setInterval)$/]',
    message: 'No real timers in a test: use jest fake timers, the controllable clock or a deferred promise.',
  },
  {
    selector: "CallExpression[callee.property.name='waitForTimeout']",
    message: 'No fixed waits in a browser test: wait for what the page shows (locator.waitFor, expect.poll).',
  },
  {
    selector:
      "MemberExpression[object.name='performance'][property.name='now'], MemberExpression[object.name='process'][property.name='hrtime']",
    message: 'A test never measures wall-clock time: benchmarks live in scripts/bench/.',
  },
  {
    selector:
      "CallExpression[callee.name='expect'] CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'No wall-clock threshold in an assertion: give the code a clock and assert on the time it was given.',
  },
  {
    selector: 'CallExpression[callee.name=/^(sleep|delay|wait)$/]',
    message: 'No sleeps in a test: use jest fake timers or the controllable clock.',
  },
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/drizzle/**',
      '.data/**',
      'coverage/**',
      'test-results/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The environment is read in ONE module per service (t3 env pattern); everything else gets a Config.
    files: ['bff/src/**/*.ts', 'departments/src/**/*.ts'],
    ignores: ['bff/src/platform/config.ts', 'departments/src/harness/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through config.ts.' },
      ],
    },
  },
  {
    // services/client.ts is the only caller of Taro.request (STYLE.md).
    files: ['miniapp/src/**/*.ts', 'miniapp/src/**/*.tsx'],
    ignores: ['miniapp/src/services/client.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Taro', property: 'request', message: 'Call the BFF through services/client.ts.' },
      ],
    },
  },
  {
    // Pages and components reach the BFF through a hook (page → hook → services/<domain>.ts); types may be imported.
    files: ['miniapp/src/pages/**/*.{ts,tsx}', 'miniapp/src/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/**'],
              allowTypeImports: true,
              message: 'Call services through a hook in miniapp/src/hooks/.',
            },
          ],
        },
      ],
    },
  },
  {
    // shared/ holds contracts, domain rules and the credential format: zod and the @noble primitives, nothing else.
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|@noble/(curves|hashes)/|\\.)',
              message: 'shared/ imports only zod and @noble/curves, @noble/hashes (pure JavaScript, both builds).',
            },
          ],
        },
      ],
    },
  },
  {
    // BFF layering (DESIGN.md: one folder per capability). A capability reaches another only through its public entry.
    files: ['bff/src/*/**/*.ts'],
    ignores: ['bff/src/platform/**', 'bff/src/*/tables.ts', 'bff/src/*/routes.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CAPABILITY_ENTRY, COMPOSITION] }] },
  },
  {
    // Routes are thin: contract → service. They never reach a repository or a table.
    files: ['bff/src/*/routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            CAPABILITY_ENTRY,
            COMPOSITION,
            { ...PERSISTENCE, message: 'Routes call services, not repositories.' },
          ],
        },
      ],
    },
  },
  {
    // Tables import drizzle, and identity's users table for foreign keys: a fact of the schema, not a use of its data.
    files: ['bff/src/*/tables.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              '^\\.\\.?/(?!identity/tables$|platform/columns$)',
              'Tables import drizzle, the column builders and ../identity/tables only.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Shared infrastructure knows no capability.
    files: ['bff/src/platform/*.ts', 'bff/src/platform/plugins/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              '^\\.\\./(\\.\\./)?(?!platform/|app-error$|config$|logger$|jws$|field-cipher$|db$)',
              'platform/ knows no capability.',
            ),
          ],
        },
      ],
    },
  },
  {
    // The department adapters speak HTTP only: no capability, and no database (data use is recorded by a service).
    files: ['bff/src/platform/departments/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid('^\\.\\./\\.\\./', 'platform/ knows no capability.'),
            {
              ...PERSISTENCE,
              message: 'The adapter layer never touches the database: the data-use service records calls.',
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycles in the server-side packages.
    files: ['bff/src/**/*.ts', 'shared/src/**/*.ts', 'departments/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // Tests that can fail: none disabled or focused, every test asserts, no assertion behind a condition, names that
    // are sentences; and no real time (NO_REAL_TIME).
    files: TESTS,
    plugins: { jest },
    languageOptions: { globals: jest.environments.globals.globals },
    rules: {
      'jest/no-disabled-tests': 'error',
      'jest/no-focused-tests': 'error',
      'jest/no-commented-out-tests': 'error',
      'jest/no-conditional-expect': 'error',
      'jest/no-standalone-expect': 'error',
      'jest/valid-title': 'error',
      'jest/no-identical-title': 'error',
      'jest/valid-expect': 'error',
      'jest/no-test-prefixes': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*', 'fc.assert'] }],
      'no-restricted-syntax': ['error', ...NO_REAL_TIME],
    },
  },
)
