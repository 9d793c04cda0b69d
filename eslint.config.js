// ESLint (flat config) for the whole monorepo; `npm run lint` runs it.
// typescript-eslint's recommended rules without type information: a
// type-aware run over every workspace costs minutes on 2 cores, and `tsc`
// already type-checks each package in the build.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated or third-party files (as in .prettierignore).
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/.turbo/',
    '**/coverage/',
    '.data/',
    '**/store/migrations/Migration*.ts',
    '**/__generated__/',
    '**/generated/',
    'bench/reports/',
    // React Router's generated route types (apps/web: `react-router typegen`).
    '**/.react-router/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: globals.node },
    rules: {
      // Destructuring to leave fields out (`const { password: _password, ...rest } = x`) is how the code omits them.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      // Scopes are typed: a service's `@Staff('...')` accepts only the scopes it declares (see its identity.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "Decorator > CallExpression[callee.name='Authorized'][arguments.length>0]",
          message: "Use the service's @Staff(scope) (scopedAuthorization in its identity.ts): only declared scopes type-check.",
        },
      ],
    },
  },
  {
    // The storefront's pages also run in the browser.
    files: ['apps/*/src/app/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // Test code, harnesses and the bench read untyped GraphQL responses and event payloads.
    files: ['**/*.spec.ts', '**/integration/**', '**/test-support/**', 'packages/testing/**', 'e2e/**', 'bench/**', 'fault/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
