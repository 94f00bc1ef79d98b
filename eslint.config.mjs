// ESLint for the workspace: typescript-eslint's recommended rules plus the project's layering rules.
import js from '@eslint/js'
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

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/drizzle/**', '.data/**', 'coverage/**', 'test-results/**'] },
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
)
