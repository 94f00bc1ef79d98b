// ESLint for the workspace: typescript-eslint's recommended rules plus the project's layering rules.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

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
    ignores: ['bff/src/config.ts', 'departments/src/harness/config.ts'],
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
    // encoding moves to shared with the credential format
    ignores: ['miniapp/src/components/qr-code.tsx'],
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
    // shared/ holds contracts only: zod and nothing else.
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\.)', message: 'shared/ imports only zod.' }] },
      ],
    },
  },
)
